/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it and closes it
 * on Escape; focus returns to what opened it.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the foot, before the Close button that is always there. */
  actions?: ReactNode;
  closeLabel?: string;
}

export function Dialog({ title, onClose, children, actions, closeLabel }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">
        {actions}
        <button type="button" onClick={() => onCloseRef.current()}>
          {closeLabel ?? t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
