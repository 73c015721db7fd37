import { randomBytes } from 'node:crypto';
import { startBff } from './harness.js';

const productionSecrets = {
  AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  PUBLIC_APP_URL: 'https://jiabao.example.com',
};

describe('BFF start-up', () => {
  it('stops with a message naming a wrong setting', async () => {
    await expect(startBff({ PORT: 'eighty', PGLITE_DATA_DIR: 'memory' })).rejects.toThrow(
      /exited with 1[\s\S]*PORT: .*\(got "eighty"\)/,
    );
  });

  it('applies migrations, seeds, and keeps PGlite data in its folder across restarts', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'pglite-'));
    try {
      const env = { PORT: '0', PGLITE_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
      const first = await startBff(env);
      await first.stop();
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      // A second start over the same folder finds its migrations applied and the seed present.
      const second = await startBff(env);
      try {
        const health = await fetch(`${second.url}/health`);
        expect(((await health.json()) as { database: string }).database).toBe('ok');
      } finally {
        // A graceful stop: Nest closes the app, then ends by the signal it received.
        expect(await second.stop()).toEqual({ code: null, signal: 'SIGTERM' });
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('will not start in production without its secrets, or with a platform that has no address', async () => {
    const base = { NODE_ENV: 'production', PORT: '0', PGLITE_DATA_DIR: 'memory', DATABASE_URL: '' };
    await expect(startBff(base)).rejects.toThrow(
      /AUTH_TOKEN_SECRET: required[\s\S]*DATA_ENCRYPTION_KEY: required[\s\S]*PUBLIC_APP_URL: required in production/,
    );
    await expect(
      startBff({ ...base, ...productionSecrets, WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 'secret' }),
    ).rejects.toThrow(/WECHAT_API_URL: required with WECHAT_APP_ID, WECHAT_APP_SECRET/);
  });

  it('in production, once configured: no demo data, no GraphiQL, no introspection, health in words', async () => {
    const bff = await startBff({
      NODE_ENV: 'production',
      PORT: '0',
      PGLITE_DATA_DIR: 'memory',
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
      // Trusted documents would refuse these hand-written queries before the rules under test see
      // them (test/trusted-documents.int-spec.ts covers enforcing); each defence is tested alone.
      TRUSTED_DOCUMENTS: 'allow',
      ...productionSecrets,
    });
    try {
      const graphql = (query: string) =>
        fetch(`${bff.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query }),
        });
      const introspection = await graphql('{ __schema { queryType { name } } }');
      expect(introspection.status).toBe(400);
      expect(JSON.stringify(await introspection.json())).toMatch(/introspection/i);
      const insurers = (await (await graphql('{ insurers { insurers { id } } }')).json()) as {
        data: { insurers: { insurers: unknown[] } };
      };
      expect(insurers.data.insurers.insurers).toEqual([]);
      expect((await fetch(`${bff.url}/graphiql`)).status).toBe(404);
      expect(await (await fetch(`${bff.url}/health`)).json()).toEqual({ status: 'ok', database: 'ok', cache: 'ok' });
    } finally {
      await bff.stop();
    }
  });
});
