import { describe, expect, it } from 'vitest';
import { looseCompanyKey, proposeCompanyVariants } from './company-variants.js';

describe('W3: company-name variants are proposed, never merged', () => {
  it.each([
    ['Contoso Ltd', 'contoso'],
    ['CONTOSO, Inc.', 'contoso'],
    ['Contoso Co., Ltd.', 'contoso'],
    ['Müller & Söhne GmbH', 'mueller and soehne'],
    ['Mueller & Soehne GmbH', 'mueller and soehne'],
    ["Société Générale d'Études", 'societe generale d etudes'],
    ['Inc.', 'inc'], // a name that is only a legal form keeps it
    ['  Wide   World Importers ', 'wide world importers'],
  ])('the loose key of %j is %j', (name, key) => {
    expect(looseCompanyKey(name)).toBe(key);
  });

  it('puts spellings with the same loose key together, the most used first', () => {
    const proposals = proposeCompanyVariants([
      { name: 'Contoso Ltd', count: 10 },
      { name: 'Contoso, Inc.', count: 4 },
      { name: 'CONTOSO', count: 1 },
      { name: 'Fabrikam', count: 3 },
    ]);
    expect(proposals).toEqual([
      {
        canonical: 'Contoso Ltd',
        reason: 'same-loose-key',
        names: [
          { name: 'Contoso Ltd', count: 10, looseKey: 'contoso' },
          { name: 'Contoso, Inc.', count: 4, looseKey: 'contoso' },
          { name: 'CONTOSO', count: 1, looseKey: 'contoso' },
        ],
      },
    ]);
  });

  it('puts spellings a small edit distance apart together, not short or different names', () => {
    const proposals = proposeCompanyVariants([
      { name: 'Northwind Traders', count: 14 },
      { name: 'Northwind Trader', count: 4 },
      { name: 'Adventure Works', count: 9 },
      { name: 'Adventure Works Cycles', count: 8 },
      { name: 'Acme', count: 1 },
      { name: 'Acne', count: 1 },
      { name: 'Studio 54 Productions', count: 2 },
      { name: 'Studio 55 Productions', count: 2 },
    ]);
    expect(proposals.map((p) => [p.canonical, p.reason, p.names.map((n) => n.name)])).toEqual([
      ['Northwind Traders', 'edit-distance', ['Northwind Traders', 'Northwind Trader']],
    ]);
  });

  it('counts names that are the same under W3 as one name', () => {
    expect(proposeCompanyVariants([{ name: 'Litware', count: 2 }, { name: ' LITWARE ', count: 3 }])).toEqual([]);
    const [proposal] = proposeCompanyVariants([{ name: 'Litware', count: 2 }, { name: 'litware', count: 3 }, { name: 'Litware, Inc.', count: 4 }]);
    expect(proposal!.names.map((n) => [n.name, n.count])).toEqual([['Litware', 5], ['Litware, Inc.', 4]]);
  });

  it('finds the variants of the made vCard tree (corpus truth.json companies)', () => {
    // The company groups of ../shared/corpus/vcard-tree/made_tree/truth.json, written out.
    const companies: Record<string, number> = {
      'adventure works': 9, 'adventure works cycles': 8, 'contoso ltd': 10, 'contoso, inc.': 4, fabrikam: 11, 'fabrikam inc.': 3,
      litware: 3, 'litware, inc.': 7, 'mueller & soehne gmbh': 6, 'müller & söhne gmbh': 7, 'northwind trader': 4, 'northwind traders': 14,
      "societe generale d'etudes": 2, "société générale d'études": 16, 'wide world importers': 10,
    };
    const proposals = proposeCompanyVariants(Object.entries(companies).map(([name, count]) => ({ name, count })));
    expect(proposals.map((p) => p.names.map((n) => n.name).sort())).toEqual([
      ['contoso ltd', 'contoso, inc.'],
      ['fabrikam', 'fabrikam inc.'],
      ['litware', 'litware, inc.'],
      ['mueller & soehne gmbh', 'müller & söhne gmbh'],
      ['northwind trader', 'northwind traders'],
      ["societe generale d'etudes", "société générale d'études"],
    ]);
  });

  it('finds variants among 5,000 names that mostly share their first words', () => {
    const names = Array.from({ length: 5_000 }, (_, i) => ({ name: `Company ${i} Holdings`, count: 1 }));
    names.push({ name: 'Company 17 Holding', count: 1 }, { name: 'Compagny 4242 Holdings', count: 1 });
    const proposals = proposeCompanyVariants(names);
    expect(proposals.map((p) => p.names.map((n) => n.name).sort())).toEqual([
      ['Compagny 4242 Holdings', 'Company 4242 Holdings'],
      ['Company 17 Holding', 'Company 17 Holdings'],
    ]);
  });
});
