/** The language in use, its switch (kept in localStorage, sets <html lang>) and the `useT()` hook. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { browserLanguage, format, LANGUAGES, MESSAGES, type Language } from './messages';

const STORAGE_KEY = 'liaison.language';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
  t: Translate;
}

const LanguageContext = createContext<LanguageState | null>(null);

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as string[]).includes(saved)) return saved as Language;
  return browserLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => format(MESSAGES[language][key], params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

function useLanguageState(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('bug: useT() outside <LanguageProvider>');
  return state;
}

/** The translate function of the language in use. */
export function useT(): Translate {
  return useLanguageState().t;
}

export function useLanguage(): Pick<LanguageState, 'language' | 'setLanguage'> {
  const { language, setLanguage } = useLanguageState();
  return { language, setLanguage };
}

/** Numbers as the language writes them (1,234 / 1 234). */
export function useNumber(): (n: number) => string {
  const { language } = useLanguageState();
  return useMemo(() => {
    const formatter = new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB');
    return (n: number) => formatter.format(n);
  }, [language]);
}
