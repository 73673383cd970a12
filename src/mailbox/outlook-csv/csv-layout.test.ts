import { describe, expect, it } from 'vitest';
import { HEADER_TABLES, OUTLOOK_EN_HEADER } from './csv-header-tables.js';
import { detectLayout } from './csv-layout.js';

const FRENCH = ['Titre', 'Prénom', 'Deuxième prénom', 'Nom', 'Suffixe', 'Surnom', 'Société ', 'Service ', 'Titre', 'Rue (bureau)', 'Ville (bureau)', 'Adresse de messagerie', 'Type de messagerie', 'Catégories', 'Anniversaire'];

describe('detectLayout', () => {
  it.each([
    ['the 92-column English Outlook header', [...OUTLOOK_EN_HEADER], 'outlook-en'],
    ['Outlook 2003 (Business Country)', ['First Name', 'Last Name', 'Business Country', 'E-mail Address'], 'outlook-en'],
    ['French Outlook with trailing spaces and two Titre', FRENCH, 'outlook-fr'],
    ['German Outlook', ['Anrede', 'Vorname', 'Weitere Vornamen', 'Nachname', 'Firma', 'E-Mail-Adresse', 'Kategorien'], 'outlook-de'],
    ['Spanish Outlook', ['Nombre', 'Segundo nombre', 'Apellidos', 'Organización', 'Puesto', 'Categorías'], 'outlook-es'],
    ['Italian Outlook', ['Titolo', 'Nome', 'Secondo Nome', 'Cognome', 'Società', 'Indirizzo E-mail'], 'outlook-it'],
    ['Portuguese Outlook', ['Título', 'Primeiro nome', 'Último nome', 'Empresa', 'Endereço de E-mail'], 'outlook-pt'],
    ['Dutch Outlook', ['Voornaam', 'Middelste naam', 'Achternaam', 'Bedrijf', 'E-mailadres'], 'outlook-nl'],
    ['old Google', ['Name', 'Given Name', 'Family Name', 'Group Membership', 'E-mail 1 - Type', 'E-mail 1 - Value'], 'google-old'],
    ['current Google', ['First Name', 'Middle Name', 'Last Name', 'Organization Name', 'Labels', 'E-mail 1 - Label', 'E-mail 1 - Value'], 'google'],
    ['Thunderbird', ['First Name', 'Last Name', 'Display Name', 'Nickname', 'Primary Email', 'Secondary Email', ''], 'thunderbird'],
    ['only the three Outlook e-mail columns', ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'], 'outlook-en'],
  ])('%s', (_name, header, id) => {
    expect(detectLayout(header)?.table.id).toBe(id);
  });

  it('tells the two French "Titre" columns apart by position', () => {
    const layout = detectLayout(FRENCH)!;
    expect(layout.plan.filter((c) => c.name === 'Titre').map((c) => [c.index, c.target])).toEqual([
      [0, { kind: 'text', field: 'prefix' }],
      [8, { kind: 'text', field: 'jobTitle' }],
    ]);
    expect(layout.unknown).toEqual([]);
  });

  it.each([
    ['a headerless data line', ['1', '1', '1', '1', '1@host.invalid']],
    ['a generic two-column CSV', ['Name', 'Email']],
    ['an LDIF first line', ['dn: cn=new list']],
    ['columns without a name or an e-mail', ['Hobby', 'Mileage', 'Gender']],
  ])('does not recognise %s', (_name, header) => {
    expect(detectLayout(header)).toBeNull();
  });

  it('every table target code is valid (compiling the tables does not throw)', () => {
    expect(HEADER_TABLES.length).toBe(10);
  });
});
