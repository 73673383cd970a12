/** The visible language switch: English / Français. */
import { useId } from 'react';
import { LANGUAGES, type Language } from '../i18n/messages';
import { useLanguage, useT } from '../i18n/use-t';

export function LanguageSwitch() {
  const t = useT();
  const id = useId();
  const { language, setLanguage } = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('lang.label')}</label>
      <select id={id} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
