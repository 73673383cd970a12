import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { browserLanguage, format } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every key in English and French, with text', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(en[key].trim(), key).not.toBe('');
      expect(fr[key].trim(), key).not.toBe('');
    }
  });

  it('has the same {placeholders} in both languages', () => {
    for (const key of Object.keys(en) as MessageKey[]) expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
  });

  it("uses the French wizard's own terms", () => {
    expect(fr['wizard.title']).toBe('Ajouter des contacts');
    expect(fr['grouping.company']).toBe('Nom de la société');
    expect(fr['grouping.domain']).toBe('Domaine de messagerie');
    expect(fr['grouping.category']).toBe('Catégories');
    expect(fr['options.companyAccount']).toBe('Utiliser le nom de la société comme nom de compte');
    expect(fr['options.trackCommunications']).toBe('Suivre toutes les communications des contacts ajoutés');
    expect(fr['advanced.col.account']).toBe('Définir un compte');
    expect(fr['advanced.col.comms']).toBe('Inclure les communications');
    expect(fr['step.summary']).toBe('Résumé');
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(format('Step {n} of {total}', { n: 2, total: 10 })).toBe('Step 2 of 10');
    expect(format('Hello {name}')).toBe('Hello {name}');
  });

  it('picks French only when the browser prefers it', () => {
    expect(browserLanguage(['fr-CA', 'en'])).toBe('fr');
    expect(browserLanguage(['en-GB', 'fr'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});
