import { describe, expect, it } from 'vitest';
import { phoneKey } from './phone-number.js';

describe('phone numbers are looked up by their digits', () => {
  it.each([
    ['+1 (425) 555-0100', '+14255550100'],
    ['425.555.0100', '4255550100'],
    [' +44 20 7946 0018 ', '+442079460018'],
  ])('the key of %j is %j', (number, key) => {
    expect(phoneKey(number)).toBe(key);
  });
});
