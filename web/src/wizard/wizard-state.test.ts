import { describe, expect, it } from 'vitest';
import type { Variant } from '../api/types';
import { acceptedMerges, isChecked, mergeVariants } from './wizard-state';

const contoso: Variant = { canonical: 'Contoso Ltd', names: [{ name: 'Contoso Ltd', count: 4 }, { name: 'CONTOSO', count: 2 }, { name: 'Contoso, Inc.', count: 1 }], reason: 'same-loose-key' };
const fabrikam: Variant = { canonical: 'Fabrikam', names: [{ name: 'Fabrikam', count: 3 }, { name: 'Fabrikma', count: 1 }], reason: 'edit-distance' };

describe('the wizard state', () => {
  it('merges every other spelling of an accepted variant into its canonical name, and nothing of a rejected one (W3)', () => {
    expect(acceptedMerges([contoso, fabrikam], { 'Contoso Ltd': 'accept', Fabrikam: 'reject' })).toEqual([
      { from: 'CONTOSO', to: 'Contoso Ltd' },
      { from: 'Contoso, Inc.', to: 'Contoso Ltd' },
    ]);
    expect(acceptedMerges([contoso, fabrikam], {})).toEqual([]);
  });

  it('checks every group but the toggled ones, or only the toggled ones after "uncheck all" (W4)', () => {
    expect(isChecked({ checkMode: 'all', toggled: ['a'] }, 'a')).toBe(false);
    expect(isChecked({ checkMode: 'all', toggled: ['a'] }, 'b')).toBe(true);
    expect(isChecked({ checkMode: 'none', toggled: ['a'] }, 'a')).toBe(true);
    expect(isChecked({ checkMode: 'none', toggled: ['a'] }, 'b')).toBe(false);
  });

  it('keeps the variants already shown when a new plan proposes them again', () => {
    expect(mergeVariants([contoso], [contoso, fabrikam]).map((v) => v.canonical)).toEqual(['Contoso Ltd', 'Fabrikam']);
  });
});
