import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BffProcess, startBff } from './harness.js';

/** The H5 app as the BFF serves it: security headers, a policy that admits its own inline script, caching. */

const page = (script: string): string =>
  `<!doctype html><html><head><script>${script}</script><script defer src="/js/app.1a2b3c.js"></script></head><body><div id="app"></div></body></html>`;
const hashOf = (script: string): string => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

describe('the H5 app served by the BFF', () => {
  let dir: string;
  let bff: BffProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'h5-'));
    mkdirSync(join(dir, 'js'));
    writeFileSync(join(dir, 'index.html'), page('window.a=1'));
    writeFileSync(join(dir, 'js/app.1a2b3c.js'), 'console.log(1)');
    bff = await startBff({
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      H5_DIST_DIR: dir,
    });
  });
  afterAll(async () => {
    await bff.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html fresh, under a policy that allows its inline script by hash and nothing else inline', async () => {
    const response = await fetch(`${bff.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self' ${hashOf('window.a=1')}`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('caches hashed assets for a year', async () => {
    const response = await fetch(`${bff.url}/js/app.1a2b3c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('follows a rebuilt app without a restart: a new inline script gets a new hash', async () => {
    writeFileSync(join(dir, 'index.html'), page('window.b=2'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'index.html'), later, later);
    const policy = (await fetch(`${bff.url}/`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain(hashOf('window.b=2'));
    expect(policy).not.toContain(hashOf('window.a=1'));
  });

  it('answers API requests with a policy that loads nothing', async () => {
    const response = await fetch(`${bff.url}/health`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
