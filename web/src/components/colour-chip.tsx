/** The "already in CRM" colour of a group (W5), always with its words: colour is never the only signal. */
import type { Colour } from '../api/types';
import { useT } from '../i18n/use-t';

export function ColourChip({ colour }: { colour: Colour }) {
  const t = useT();
  return (
    <span className={`chip chip-${colour}`} data-testid="colour-chip" data-colour={colour}>
      <span className="chip-dot" aria-hidden="true" />
      {t(`colour.${colour}`)}
    </span>
  );
}
