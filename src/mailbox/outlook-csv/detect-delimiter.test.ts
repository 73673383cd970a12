import { describe, expect, it } from 'vitest';
import { readHeaderLine } from './detect-delimiter.js';

describe('readHeaderLine', () => {
  it.each([
    ['commas (Outlook, Google)', '"First Name","Last Name","E-mail Address"\r\n"a","b","c"', ',', ['First Name', 'Last Name', 'E-mail Address']],
    ['semicolons (Excel in a French or German locale)', 'Display Name;First Name;Last Name;Primary Email\n', ';', ['Display Name', 'First Name', 'Last Name', 'Primary Email']],
    ['tabs (Thunderbird .txt)', 'First Name\tLast Name\tDisplay Name\r\n', '\t', ['First Name', 'Last Name', 'Display Name']],
    ['a comma inside quotes does not count', '"Werkadres, straat";"Voornaam";"Achternaam"\n', ';', ['Werkadres, straat', 'Voornaam', 'Achternaam']],
    ['doubled quotes in a name', '"Say ""hi""",b\n', ',', ['Say "hi"', 'b']],
    ['a trailing delimiter gives an empty last name', 'First Name,Notes,\n', ',', ['First Name', 'Notes', '']],
    ['only the first line is read', 'a,b\n1;2;3;4;5\n', ',', ['a', 'b']],
  ] as const)('%s', (_name, text, delimiter, names) => {
    const header = readHeaderLine(text);
    expect(header.delimiter).toBe(delimiter);
    expect(header.names).toEqual(names);
  });
});
