/** Dates and times as the language writes them. */
import { useMemo } from 'react';
import { useLanguage } from '../i18n/use-t';

export function useDate(): (iso: string | null | undefined) => string {
  const { language } = useLanguage();
  return useMemo(() => {
    const formatter = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return (iso) => {
      if (!iso) return '—';
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
    };
  }, [language]);
}
