import { releaseApiUrlProblem } from '../release-url';

describe('releaseApiUrlProblem', () => {
  it('accepts an https URL on a public host', () => {
    expect(releaseApiUrlProblem('https://api.example.com/graphql', 'weapp')).toBeNull();
    expect(releaseApiUrlProblem(' https://api.example.com:8443/graphql ', 'alipay')).toBeNull();
    expect(releaseApiUrlProblem('https://203.0.113.10/graphql', 'weapp')).toBeNull();
    expect(releaseApiUrlProblem('https://[2001:db8::1]/graphql', 'weapp')).toBeNull();
    // Names that merely start like a private range are public.
    expect(releaseApiUrlProblem('https://10.example.com/graphql', 'weapp')).toBeNull();
    expect(releaseApiUrlProblem('https://172.32.0.1/graphql', 'weapp')).toBeNull();
  });

  it('refuses a missing or empty setting, naming TARO_APP_API_URL and the way out', () => {
    for (const value of [undefined, '', '   ']) {
      const problem = releaseApiUrlProblem(value, 'weapp');
      expect(problem).toContain('TARO_APP_API_URL');
      expect(problem).toContain('it is not set');
      expect(problem).toContain('TARO_APP_API_URL=https://api.example.com/graphql pnpm build:weapp');
      expect(problem).toContain('pnpm build:weapp:dev');
    }
    expect(releaseApiUrlProblem(undefined, 'alipay')).toContain('pnpm build:alipay:dev');
  });

  it('refuses what is not a URL, and http', () => {
    expect(releaseApiUrlProblem('api.example.com/graphql', 'weapp')).toMatch(
      /TARO_APP_API_URL: "api.example.com\/graphql" is not a URL/,
    );
    expect(releaseApiUrlProblem('http://api.example.com/graphql', 'weapp')).toMatch(
      /TARO_APP_API_URL: .* is not https/,
    );
    expect(releaseApiUrlProblem('/graphql', 'alipay')).toMatch(/is not a URL/);
  });

  it.each([
    'https://localhost:3000/graphql',
    'https://LOCALHOST/graphql',
    'https://bff.localhost/graphql',
    'https://devbox.local/graphql',
    'https://127.0.0.1/graphql',
    'https://127.1.2.3/graphql',
    'https://0.0.0.0/graphql',
    'https://10.0.0.8/graphql',
    'https://172.16.5.4/graphql',
    'https://172.31.255.255/graphql',
    'https://192.168.1.20:3000/graphql',
    'https://169.254.169.254/graphql',
    'https://100.64.0.1/graphql',
    'https://[::1]/graphql',
    'https://[fd12:3456::1]/graphql',
    'https://[fe80::1]/graphql',
    'https://[::ffff:127.0.0.1]/graphql',
    'https://[::ffff:192.168.0.1]/graphql',
  ])('refuses %s: a phone cannot reach it', (url) => {
    expect(releaseApiUrlProblem(url, 'weapp')).toMatch(/TARO_APP_API_URL: .* points at .*, which a phone cannot reach/);
  });

  it('refuses the old default, http://localhost:3000/graphql', () => {
    expect(releaseApiUrlProblem('http://localhost:3000/graphql', 'weapp')).toBe(
      'A release build of weapp needs TARO_APP_API_URL: "http://localhost:3000/graphql" is not https (phones only ' +
        "reach https domains on the request allow-list). Set TARO_APP_API_URL to the BFF's public https URL, e.g. " +
        'TARO_APP_API_URL=https://api.example.com/graphql pnpm build:weapp, or build against a local BFF with ' +
        'pnpm build:weapp:dev.',
    );
  });
});
