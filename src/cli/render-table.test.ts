import { describe, expect, it } from 'vitest';
import { renderTable } from './render-table.js';

describe('text tables', () => {
  it('aligns columns, right-aligns numbers and cuts long cells', () => {
    const text = renderTable(
      [
        { id: 1, name: 'Zoë Ångström' },
        { id: 12, name: 'A very long name that goes on' },
      ],
      [
        { header: 'ID', value: (r) => r.id, align: 'right' },
        { header: 'NAME', value: (r) => r.name },
      ],
      12,
    );
    expect(text.split('\n')).toEqual(['ID  NAME', '──  ────────────', ' 1  Zoë Ångström', '12  A very long…']);
  });

  it('measures CJK names as two columns a character and colour escapes as none', () => {
    const rows = [
      { name: '株式会社さくら精機', count: 3 },
      { name: '\u001b[32mgreen\u001b[39m', count: 12 },
      { name: '株式会社さくら精機株式会社', count: 1 },
    ];
    const text = renderTable(rows, [{ header: 'NAME', value: (r) => r.name }, { header: 'N', value: (r) => r.count, align: 'right' }], 19);
    expect(text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')).toEqual([
      'NAME                  N',
      '───────────────────  ──',
      '株式会社さくら精機    3',
      'green                12',
      '株式会社さくら精機…   1',
    ]);
  });
});
