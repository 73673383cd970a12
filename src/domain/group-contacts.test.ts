import { describe, expect, it } from 'vitest';
import { groupContacts, type GroupableContact } from './group-contacts.js';

const c = (fields: Partial<GroupableContact>): GroupableContact => ({ inCrm: null, ...fields });
const summary = (groups: ReturnType<typeof groupContacts>) => groups.map((g) => [g.key, g.label, g.members]);

describe('groupContacts', () => {
  it('W2 company: groups by the W3 name key; the label is the most used spelling', () => {
    const groups = groupContacts(
      [c({ company: 'Contoso Ltd' }), c({ company: ' contoso  LTD ' }), c({ company: 'Contoso Ltd' }), c({ company: 'Fabrikam' }), c({})],
      'company',
    );
    expect(summary(groups)).toEqual([
      ['contoso ltd', 'Contoso Ltd', [0, 1, 2]],
      ['fabrikam', 'Fabrikam', [3]],
      ['(no company)', '(no company)', [4]],
    ]);
  });

  it.each([
    ['case', 'CONTOSO', 'contoso', true],
    ['outer and inner white space', '  Contoso \t Group ', 'Contoso Group', true],
    ['composed and decomposed accents', 'Société'.normalize('NFD'), 'Société', true],
    ['a final full stop', 'Contoso Ltd.', 'Contoso Ltd', false],
    ['a legal form', 'Contoso, Inc.', 'Contoso', false],
    ['punctuation', 'A&B', 'A & B', false],
  ])('W3 comparison: %s folds %s', (_, a, b, same) => {
    const groups = groupContacts([c({ company: a }), c({ company: b })], 'company');
    expect(groups.length).toBe(same ? 1 : 2);
  });

  it('W3: an accepted merge puts the variants under the canonical name', () => {
    const merges = new Map([
      ['contoso, inc.', 'Contoso Ltd'],
      ['contoso', 'Contoso Ltd'],
    ]);
    const groups = groupContacts([c({ company: 'Contoso, Inc.' }), c({ company: 'CONTOSO' }), c({ company: 'Contoso Ltd' }), c({ company: 'Contoso Ltd.' })], 'company', { merges });
    expect(summary(groups)).toEqual([
      ['contoso ltd', 'Contoso Ltd', [0, 1, 2]],
      ['contoso ltd.', 'Contoso Ltd.', [3]],
    ]);
  });

  it("W2 company: the group's label is the CRM account's name when one matches", () => {
    const groups = groupContacts([c({ company: 'contoso ltd' })], 'company', { accountName: (key) => (key === 'contoso ltd' ? 'Contoso Ltd' : undefined) });
    expect(groups[0]).toMatchObject({ key: 'contoso ltd', label: 'Contoso Ltd' });
  });

  it('W2 domain: the part after @ of the first e-mail, lower-cased; no e-mail is a group', () => {
    const groups = groupContacts(
      [c({ emails: ['Ada@Contoso.COM', 'ada@gmail.com'] }), c({ emails: ['bob@contoso.com'] }), c({ emails: [] }), c({ emails: ['broken'] })],
      'domain',
    );
    expect(summary(groups)).toEqual([
      ['contoso.com', 'contoso.com', [0, 1]],
      ['(no e-mail)', '(no e-mail)', [2, 3]],
    ]);
  });

  it('W2 category: a contact with several categories is in each of their groups, once per group', () => {
    const groups = groupContacts(
      [c({ categories: ['Clients', 'Press', 'clients'] }), c({ categories: ['Press'] }), c({ categories: [] }), c({ categories: ['  '] })],
      'category',
    );
    expect(summary(groups)).toEqual([
      ['clients', 'Clients', [0]],
      ['press', 'Press', [0, 1]],
      ['(no category)', '(no category)', [2, 3]],
    ]);
  });

  it('W5: counts tracked and matched apart, and colours the group by both', () => {
    const groups = groupContacts(
      [c({ company: 'A', inCrm: 'tracked' }), c({ company: 'A', inCrm: 'matched' }), c({ company: 'A' }), c({ company: 'B', inCrm: 'matched' })],
      'company',
    );
    expect(groups.map((g) => [g.label, g.count, g.tracked, g.matched, g.alreadyInCrm, g.colour])).toEqual([
      ['A', 3, 1, 1, 2, 'yellow'],
      ['B', 1, 0, 1, 1, 'green'],
    ]);
  });

  it('sorts groups by label as people do, accents and case aside', () => {
    const groups = groupContacts([c({ company: 'zeta' }), c({ company: 'Émile' }), c({ company: 'alpha' }), c({ company: 'Item 10' }), c({ company: 'Item 9' })], 'company');
    expect(groups.map((g) => g.label)).toEqual(['alpha', 'Émile', 'Item 9', 'Item 10', 'zeta']);
  });
});
