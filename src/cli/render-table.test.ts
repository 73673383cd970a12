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
});
