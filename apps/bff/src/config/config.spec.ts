import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives working defaults on an empty environment: PGlite in a local folder, sandbox on 3100', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/app/.data/pglite' });
    expect(config.sandboxUrl).toBe('http://127.0.0.1:3100');
    expect(config.redisUrl).toBeNull();
  });

  it('uses PostgreSQL when DATABASE_URL is set and keeps PGlite in memory for "memory"', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/app' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432/app',
    });
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory' }).database).toEqual({ kind: 'pglite', dataDir: null });
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/db' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ SANDBOX_URL: 'not a url' }, 'SANDBOX_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ UPSTREAM_TIMEOUT_MS: '5' }, 'UPSTREAM_TIMEOUT_MS'],
  ])('stops on %p with a message naming %s', (env, setting) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`${setting}:`);
    expect((error as ConfigError).issues).toHaveLength(1);
  });

  it('reports every wrong setting at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT:[\s\S]*LOG_LEVEL:|LOG_LEVEL:[\s\S]*PORT:/);
  });

  it('requires the token and data keys in production, and makes throwaway ones elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_TOKEN_SECRET: required in production[\s\S]*DATA_ENCRYPTION_KEY/,
    );
    const development = loadConfig({});
    expect(development.generatedSecrets).toEqual(['AUTH_TOKEN_SECRET', 'DATA_ENCRYPTION_KEY']);
    expect(development.dataEncryptionKey).toHaveLength(32);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /DATA_ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it('refuses half a platform configuration, naming both settings', () => {
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx1' })).toThrow(
      /WECHAT_APP_ID and WECHAT_APP_SECRET: set both or neither/,
    );
    expect(() =>
      loadConfig({ ALIPAY_APP_ID: '2021', ALIPAY_APP_PRIVATE_KEY: Buffer.from('nope').toString('base64') }),
    ).toThrow(/ALIPAY_APP_PRIVATE_KEY: must be the base64 of a PEM private key/);
    const wechat = loadConfig({
      WECHAT_APP_ID: 'wx1',
      WECHAT_APP_SECRET: 's',
      SANDBOX_URL: 'http://127.0.0.1:3100/',
    }).wechat;
    expect(wechat).toEqual({ appId: 'wx1', appSecret: 's', apiUrl: 'http://127.0.0.1:3100' });
  });
});
