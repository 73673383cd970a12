import { describe, expect, it } from 'vitest';
import { parseRoute } from './use-route';

describe('routes from the hash', () => {
  it('reads the page and the record id, the wizard by default', () => {
    expect(parseRoute('')).toEqual({ page: 'wizard', id: null });
    expect(parseRoute('#/accounts')).toEqual({ page: 'accounts', id: null });
    expect(parseRoute('#/contacts/12')).toEqual({ page: 'contacts', id: 12 });
    expect(parseRoute('#/runs/x')).toEqual({ page: 'runs', id: null });
  });
});
