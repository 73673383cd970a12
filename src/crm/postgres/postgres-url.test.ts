import { describe, expect, it } from 'vitest';
import { isPostgresUrl, parsePostgresUrl } from './postgres-url.js';

describe('PostgreSQL URLs', () => {
  it('takes the schema apart from what pg is given', () => {
    const target = parsePostgresUrl('postgres://crm:s3cret@db.example:6543/crm?schema=liaison&sslmode=require');
    expect(target.schema).toBe('liaison');
    expect(target.connectionString).toBe('postgres://crm:s3cret@db.example:6543/crm?sslmode=require');
    expect(target).toMatchObject({ host: 'db.example', port: '6543', database: 'crm', user: 'crm' });
  });

  it('never shows the password', () => {
    const target = parsePostgresUrl('postgres://crm:s3cret@127.0.0.1/crm');
    expect(target.display).not.toContain('s3cret');
    expect(target.display).toContain('***');
  });

  it('uses the public schema by default', () => {
    expect(parsePostgresUrl('postgresql://127.0.0.1/test').schema).toBe('public');
  });

  it('refuses a schema name that is not a plain identifier', () => {
    expect(() => parsePostgresUrl('postgres://127.0.0.1/test?schema=a;drop')).toThrow(/plain identifier/);
  });

  it.each([
    ['postgres://h/db', true],
    ['postgresql://h/db', true],
    ['./liaison.db', false],
    ['/data/postgres.db', false],
  ])('%j is a PostgreSQL URL: %s', (location, expected) => {
    expect(isPostgresUrl(location)).toBe(expected);
  });
});
