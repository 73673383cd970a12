import { describe, expect, it } from 'vitest';
import { groupColour } from './group-colour.js';

describe('W5: the colour of a group', () => {
  it.each([
    [0, 10, 'none'],
    [1, 10, 'red'],
    [5, 10, 'red'], // exactly half is red
    [6, 10, 'yellow'],
    [9, 10, 'yellow'],
    [10, 10, 'green'],
    [1, 1, 'green'],
    [0, 1, 'none'],
    [1, 2, 'red'],
    [2, 3, 'yellow'],
    [0, 0, 'none'], // an empty group has nothing in the CRM
  ] as const)('%i of %i already in CRM is %s', (already, count, colour) => {
    expect(groupColour(already, count)).toBe(colour);
  });

  it('refuses counts that cannot be', () => {
    expect(() => groupColour(3, 2)).toThrow(RangeError);
    expect(() => groupColour(-1, 2)).toThrow(RangeError);
  });
});
