/** The app's languages and their messages. */
import { en, type MessageKey } from './en';
import { fr } from './fr';

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];
export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, fr };

/** A message with its {placeholders} filled in; a missing value leaves the placeholder visible. */
export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** French when the browser's first language starts with "fr", else English. */
export function browserLanguage(languages: readonly string[]): Language {
  return languages[0]?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
