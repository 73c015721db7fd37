/**
 * The check that keeps a release build of the mini-programs from calling a BFF on a developer's
 * machine. weapp and alipay call the GraphQL endpoint in TARO_APP_API_URL (H5 calls the relative
 * `/graphql`); on a phone only `https://` URLs whose domain is on the platform's request allow-list
 * work, so localhost, loopback and private addresses can never be right in a release.
 */

/** The setting that holds the BFF's GraphQL endpoint for weapp and alipay builds. */
export const API_URL_SETTING = 'TARO_APP_API_URL';

/** The IPv4 address of a dotted-quad host, as four numbers; null for anything else. */
function ipv4(host: string): [number, number, number, number] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const parts = match.slice(1).map(Number);
  if (parts.some((part) => part > 255)) return null;
  return parts as [number, number, number, number];
}

/** Loopback, unspecified, private (RFC 1918), shared (RFC 6598) or link-local IPv4. */
function isNonPublicIpv4([a, b]: [number, number, number, number]): boolean {
  return (
    a === 127 ||
    a === 0 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/** Loopback, unspecified, unique-local (fc00::/7), link-local (fe80::/10), or an IPv4-mapped one of those. */
function isNonPublicIpv6(host: string): boolean {
  const address = host.toLowerCase();
  if (address === '::1' || address === '::') return true;
  if (/^f[cd][0-9a-f]{2}:/.test(address) || /^fe[89ab][0-9a-f]:/.test(address)) return true;
  // ::ffff:a.b.c.d, which URL parsing writes as ::ffff:XXXX:XXXX
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    const high = parseInt(mapped[1] ?? '0', 16);
    const low = parseInt(mapped[2] ?? '0', 16);
    return isNonPublicIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  }
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  const v4 = dotted ? ipv4(dotted[1] ?? '') : null;
  return v4 !== null && isNonPublicIpv4(v4);
}

/** Why a host cannot serve phones: it names this machine or a private network; null when it may. */
function nonPublicHost(hostname: string): string | null {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localhost';
  if (host.endsWith('.local')) return 'a local network name';
  const v4 = ipv4(host);
  if (v4 && isNonPublicIpv4(v4)) return 'a loopback or private address';
  if (host.includes(':') && isNonPublicIpv6(host)) return 'a loopback or private address';
  return null;
}

/**
 * Null when `value` may be the API URL of a release build of `platform`: an `https://` URL whose host
 * is not localhost, a loopback or a private address. Otherwise the message to stop the build with.
 */
export function releaseApiUrlProblem(value: string | undefined, platform: string): string | null {
  const url = value?.trim() ?? '';
  const fix =
    `Set ${API_URL_SETTING} to the BFF's public https URL, e.g. ` +
    `${API_URL_SETTING}=https://api.example.com/graphql pnpm build:${platform}, ` +
    `or build against a local BFF with pnpm build:${platform}:dev.`;
  const stop = (reason: string): string => `A release build of ${platform} needs ${API_URL_SETTING}: ${reason}. ${fix}`;

  if (url === '') return stop('it is not set');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return stop(`"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:') {
    return stop(`"${url}" is not https (phones only reach https domains on the request allow-list)`);
  }
  const host = nonPublicHost(parsed.hostname);
  if (host) return stop(`"${url}" points at ${host}, which a phone cannot reach`);
  return null;
}
