import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  const pemKey = Buffer.from('-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----').toString('base64');

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

  const secrets = {
    AUTH_TOKEN_SECRET: 'k'.repeat(40),
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    PUBLIC_APP_URL: 'https://jiabao.example.com/',
  };

  it.each(['production', 'test'])('requires the token and data keys outside development (%s)', (nodeEnv) => {
    expect(() => loadConfig({ NODE_ENV: nodeEnv })).toThrow(
      /AUTH_TOKEN_SECRET: required outside development[\s\S]*DATA_ENCRYPTION_KEY: required outside development/,
    );
    expect(loadConfig({ NODE_ENV: nodeEnv, ...secrets }).generatedSecrets).toEqual([]);
  });

  it('makes throwaway keys in development, and checks a given data key', () => {
    const development = loadConfig({});
    expect(development.generatedSecrets).toEqual(['AUTH_TOKEN_SECRET', 'DATA_ENCRYPTION_KEY']);
    expect(development.dataEncryptionKey).toHaveLength(32);
    expect(() => loadConfig({ DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(
      /DATA_ENCRYPTION_KEY: must be 32 bytes/,
    );
  });

  it('is strict outside development: no demo data unless asked, no sandbox by default', () => {
    const production = loadConfig({ NODE_ENV: 'production', ...secrets });
    expect(production).toMatchObject({ strict: true, demoSeed: null, sandboxUrl: null });
    expect(production.invites.publicAppUrl).toBe('https://jiabao.example.com');
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, PUBLIC_APP_URL: undefined })).toThrow(
      /PUBLIC_APP_URL: required in production/,
    );
    expect(loadConfig({ NODE_ENV: 'test', ...secrets, PUBLIC_APP_URL: undefined }).invites.publicAppUrl).toBeNull();
    expect(loadConfig({})).toMatchObject({ strict: false, demoSeed: { sandboxUrl: 'http://127.0.0.1:3100' } });
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, SEED_DEMO_DATA: 'true' })).toThrow(
      /SANDBOX_URL: required to seed demo data/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', ...secrets, SEED_DEMO_DATA: 'true', SANDBOX_URL: 'http://sandbox:3100/' })
        .demoSeed,
    ).toEqual({ sandboxUrl: 'http://sandbox:3100' });
  });

  it('enforces trusted documents in production by default, allows any elsewhere, and takes either when set', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...secrets }).trustedDocuments).toEqual({
      mode: 'enforce',
      manifestPath: null,
    });
    expect(loadConfig({ NODE_ENV: 'test', ...secrets }).trustedDocuments.mode).toBe('allow');
    expect(loadConfig({}).trustedDocuments.mode).toBe('allow');
    expect(loadConfig({ NODE_ENV: 'production', ...secrets, TRUSTED_DOCUMENTS: 'allow' }).trustedDocuments.mode).toBe(
      'allow',
    );
    expect(
      loadConfig({ TRUSTED_DOCUMENTS: 'enforce', TRUSTED_DOCUMENTS_MANIFEST: 'm.json' }, '/srv').trustedDocuments,
    ).toEqual({ mode: 'enforce', manifestPath: '/srv/m.json' });
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: 'strict' })).toThrow(/TRUSTED_DOCUMENTS/);
  });

  it('refuses a platform app id without its secret or its address: nothing falls back to the sandbox', () => {
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's' })).toThrow(
      /WECHAT_API_URL: required with WECHAT_APP_ID, WECHAT_APP_SECRET/,
    );
    expect(() => loadConfig({ WECHAT_APP_ID: 'wx1' })).toThrow(/WECHAT_APP_SECRET, WECHAT_API_URL: required with/);
    expect(() => loadConfig({ ALIPAY_APP_ID: '2021', ALIPAY_APP_PRIVATE_KEY: pemKey })).toThrow(
      /ALIPAY_GATEWAY_URL: required with ALIPAY_APP_ID, ALIPAY_APP_PRIVATE_KEY/,
    );
    expect(() => loadConfig({ SMS_API_KEY: 'k' })).toThrow(/SMS_API_URL: required with SMS_API_KEY/);
    expect(() =>
      loadConfig({
        ALIPAY_APP_ID: '2021',
        ALIPAY_APP_PRIVATE_KEY: Buffer.from('nope').toString('base64'),
        ALIPAY_GATEWAY_URL: 'https://openapi.alipay.com/gateway.do',
      }),
    ).toThrow(/ALIPAY_APP_PRIVATE_KEY: must be the base64 of a PEM private key/);
    const wechat = loadConfig({
      WECHAT_APP_ID: 'wx1',
      WECHAT_APP_SECRET: 's',
      WECHAT_API_URL: 'https://api.weixin.qq.com/',
    }).wechat;
    expect(wechat).toEqual({ appId: 'wx1', appSecret: 's', apiUrl: 'https://api.weixin.qq.com' });
  });

  it.each([
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
  ])('reads TRUST_PROXY=%s', (setting, expected) => {
    expect(loadConfig({ TRUST_PROXY: setting }).trustProxy).toEqual(expected);
  });

  it('refuses a TRUST_PROXY that is not a list of addresses', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY: must be/);
  });

  it('runs the daily jobs at a China time, or only when asked', () => {
    expect(loadConfig({}).jobs.dailyAtMinute).toBe(9 * 60);
    expect(loadConfig({ JOBS_DAILY_AT: '21:30' }).jobs.dailyAtMinute).toBe(21 * 60 + 30);
    expect(loadConfig({ JOBS_DAILY_AT: 'off' }).jobs.dailyAtMinute).toBeNull();
    expect(() => loadConfig({ JOBS_DAILY_AT: '25:00' })).toThrow(/JOBS_DAILY_AT: must be HH:MM or off/);
  });

  it('keeps the audit trail 180 days unless told longer, never shorter', () => {
    expect(loadConfig({}).audit.retentionDays).toBe(180);
    expect(loadConfig({ AUDIT_RETENTION_DAYS: '365' }).audit.retentionDays).toBe(365);
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: '179' })).toThrow(
      /AUDIT_RETENTION_DAYS: must be at least 180.*\(got "179"\)/,
    );
    expect(() => loadConfig({ AUDIT_RETENTION_DAYS: 'forever' })).toThrow(/AUDIT_RETENTION_DAYS/);
  });

  it('takes the reminder templates as KIND=id for every kind, the sandbox apps’ outside production only', () => {
    const given = 'PAYMENT_DUE=payTmpl_1, EXPIRY=expTmpl-2,COOLING_OFF_END=coolTmpl3,WAITING_PERIOD_END=waitTmpl4';
    expect(loadConfig({}).reminderTemplates).toEqual({ WECHAT: null, ALIPAY: null, sandboxDefaults: true });
    expect(loadConfig({ WECHAT_REMINDER_TEMPLATES: given }).reminderTemplates.WECHAT).toEqual({
      PAYMENT_DUE: 'payTmpl_1',
      EXPIRY: 'expTmpl-2',
      COOLING_OFF_END: 'coolTmpl3',
      WAITING_PERIOD_END: 'waitTmpl4',
    });
    expect(() => loadConfig({ WECHAT_REMINDER_TEMPLATES: 'PAYMENT_DUE=a,EXPIRY=b' })).toThrow(
      /WECHAT_REMINDER_TEMPLATES: every kind needs its template, missing COOLING_OFF_END, WAITING_PERIOD_END/,
    );
    expect(() => loadConfig({ ALIPAY_REMINDER_TEMPLATES: `${given},BIRTHDAY=x` })).toThrow(
      /ALIPAY_REMINDER_TEMPLATES: unknown kind "BIRTHDAY"/,
    );
    expect(() => loadConfig({ ALIPAY_REMINDER_TEMPLATES: given.replace('payTmpl_1', 'pay tmpl') })).toThrow(
      /ALIPAY_REMINDER_TEMPLATES: the id of PAYMENT_DUE must be 1–64 letters/,
    );
    expect(() => loadConfig({ WECHAT_REMINDER_TEMPLATES: given, ALIPAY_REMINDER_TEMPLATES: given })).toThrow(
      /a template id is given twice/,
    );

    const wechat = {
      WECHAT_APP_ID: 'wx1',
      WECHAT_APP_SECRET: 's',
      WECHAT_API_URL: 'https://api.weixin.qq.com/',
    };
    expect(() => loadConfig({ NODE_ENV: 'production', ...secrets, ...wechat })).toThrow(
      /WECHAT_REMINDER_TEMPLATES: required in production with WECHAT_APP_ID/,
    );
    const production = loadConfig({ NODE_ENV: 'production', ...secrets, ...wechat, WECHAT_REMINDER_TEMPLATES: given });
    expect(production.reminderTemplates).toMatchObject({ ALIPAY: null, sandboxDefaults: false });
    expect(production.reminderTemplates.WECHAT?.EXPIRY).toBe('expTmpl-2');
    expect(loadConfig({ NODE_ENV: 'test', ...secrets, ...wechat }).reminderTemplates.sandboxDefaults).toBe(true);
  });
});
