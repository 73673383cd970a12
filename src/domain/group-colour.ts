/**
 * The colour of a wizard group, PRODUCT.md W5: how many of its contacts are already in
 * the CRM. Green = all; yellow = more than half but not all; red = at least one, at most
 * half (exactly half is red); none = zero. Each colour has words too, so colour is never
 * the only signal.
 */
export type GroupColour = 'green' | 'yellow' | 'red' | 'none';

export function groupColour(alreadyInCrm: number, count: number): GroupColour {
  if (!Number.isInteger(alreadyInCrm) || !Number.isInteger(count) || alreadyInCrm < 0 || alreadyInCrm > count) {
    throw new RangeError(`bug: ${alreadyInCrm} already in CRM out of ${count}`);
  }
  if (alreadyInCrm === 0) return 'none';
  if (alreadyInCrm === count) return 'green';
  return alreadyInCrm * 2 > count ? 'yellow' : 'red';
}

/** The colour in words, for terminals without colour and for screen readers. */
export const GROUP_COLOUR_WORDS: Record<GroupColour, string> = {
  green: 'all in CRM',
  yellow: 'most in CRM',
  red: 'some in CRM',
  none: 'none in CRM',
};
