import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** API answers (JSON) load nothing and may not be framed. */
export const API_CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** Inline scripts that run: not those loaded by `src`, nor data blocks (`type="application/json"`). */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*\btype="application\/json")[^>]*>([\s\S]*?)<\/script>/gi;
const policies = new Map<string, { mtimeMs: number; policy: string }>();

/**
 * The H5 app's policy for a page: scripts only from our origin, plus the page's inline scripts by
 * hash (Taro's H5 build inlines the root font-size script), data only to our own /graphql, no framing.
 */
export function contentSecurityPolicyOf(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    // Taro's H5 components insert <style> elements as they mount: styles may be inline, scripts not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy of an HTML file of the H5 build, computed from the file itself, so a rebuilt app (new
 * inline script) gets a matching policy.
 */
export function appContentSecurityPolicy(htmlPath: string): string {
  const { mtimeMs } = statSync(htmlPath);
  const known = policies.get(htmlPath);
  if (known && known.mtimeMs === mtimeMs) return known.policy;
  const policy = contentSecurityPolicyOf(readFileSync(htmlPath, 'utf8'));
  policies.set(htmlPath, { mtimeMs, policy });
  return policy;
}
