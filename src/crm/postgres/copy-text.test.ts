import { describe, expect, it } from 'vitest';
import { copyLine, copyValue } from './copy-text.js';

describe('COPY text format', () => {
  it.each([
    [null, '\\N'],
    [undefined, '\\N'],
    [true, 't'],
    [false, 'f'],
    [42, '42'],
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['line\nbreak\r\n', 'line\\nbreak\\r\\n'],
    ['back\\slash', 'back\\\\slash'],
    ['\\N', '\\\\N'], // the text "\N" is not NULL
  ])('%j is written %j', (value, text) => {
    expect(copyValue(value)).toBe(text);
  });

  it('escapes every special character of every value, not only the first one met', () => {
    expect(copyLine(['a\tb', 'c\td', null])).toBe('a\\tb\tc\\td\t\\N\n');
  });
});
