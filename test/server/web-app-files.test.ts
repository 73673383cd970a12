/** The built web app as the server gives it: the page for any app path, its files as they are on disk now, a missing file a 404. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestServer, type TestServer } from './server-harness.js';

const webRoot = mkdtempSync(join(tmpdir(), 'liaison-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Liaison</title><script type="module" src="/assets/app-1.js"></script>');
writeFileSync(join(webRoot, 'assets', 'app-1.js'), 'console.log(1)');

describe('the web app files', () => {
  let server: TestServer;
  useTestServer('sqlite', (s) => (server = s), { webRoot });

  it('serves the page for any app path, with a Content-Security-Policy and no inline script allowed', async () => {
    for (const path of ['/', '/accounts/12']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Liaison</title>');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves files added after it started (a rebuilt app) and answers a missing asset with 404, not the page', async () => {
    writeFileSync(join(webRoot, 'assets', 'app-2.js'), 'console.log(2)');
    const rebuilt = await fetch(`${server.url}/assets/app-2.js`);
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toBe('console.log(2)');
    const missing = await fetch(`${server.url}/assets/app-0.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<title>');
  });
});
