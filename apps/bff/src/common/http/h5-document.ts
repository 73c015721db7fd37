import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type Encodable,
  encodable,
  matchesIfNoneMatch,
  negotiateContentCoding,
  representationOf,
} from '../graphql/response-cache.js';
import { contentSecurityPolicyOf } from './content-security-policy.js';
import { unescapeAttribute, withFirstProducts } from './h5-first-screen.js';

/**
 * The H5 app's document (index.html) with the home page's first answer written into it
 * (docs/decisions/020-first-answer-in-the-document.md). The H5 build leaves an empty JSON block
 * naming the home page's first request (`<script type="application/json" id="first-screen-answer"
 * data-url="…">`); index.html's inline script takes the answer from there and asks for nothing, or
 * asks as before when the block is empty. Here the block gets the answer the BFF itself gives that
 * request, asked in-process as the visitor would ask it (their address, the same URL and headers:
 * the response cache, the rate limit and the trusted documents are the route's own), when it is there
 * within `FIRST_ANSWER_WAIT_MS`; a slower, failed or refused one leaves the block empty, and the page
 * asks as it did. Only an HTTP 200 is written; its first products are also drawn as HTML into the
 * skeleton the page shows until the app renders (h5-first-screen.ts, decision 021). The page itself
 * is then sent as any answer here: `no-cache` with an ETag of its bytes (a new answer, a new ETag),
 * br or gzip when accepted.
 */

/** The (empty) block the H5 build leaves (apps/miniapp/src/index.html), its URL HTML-escaped. */
const FIRST_ANSWER_BLOCK =
  /<script\s+type="application\/json"\s+id="first-screen-answer"\s+data-url="([^"]*)"\s*><\/script>/;
/**
 * How long the page waits for the answer: enough for a response-cache hit or an execution on kept
 * catalogues (about a millisecond each), not for insurers to be asked (50–200 ms each). The page
 * goes without it then, and its own request finds the answer the one here went on to make.
 */
export const FIRST_ANSWER_WAIT_MS = 25;
/** What index.html's own request sends as Accept, so that both find the same cached answer. */
const FIRST_ANSWER_ACCEPT = 'application/graphql-response+json, application/json';

interface Template {
  readonly mtimeMs: number;
  readonly html: string;
  /** The URL of the page's first request, from its block; null when the page has no block. */
  readonly url: string | null;
  /** Its content security policy (the data block written into it changes no script). */
  readonly policy: string;
}

/** The last page sent and its forms (pages differ only by the answer written into them). */
interface Sent {
  readonly template: string;
  readonly answer: string | null;
  readonly page: Encodable;
}

/** The page's template and its first request's URL, read again when the file changes (a rebuilt app). */
function templateReader(path: string): () => Template {
  let known: Template | null = null;
  return () => {
    const { mtimeMs } = statSync(path);
    if (known && known.mtimeMs === mtimeMs) return known;
    const html = readFileSync(path, 'utf8');
    const url = FIRST_ANSWER_BLOCK.exec(html)?.[1];
    known = { mtimeMs, html, url: url ? unescapeAttribute(url) : null, policy: contentSecurityPolicyOf(html) };
    return known;
  };
}

/**
 * `html` with `answer` (a GraphQL answer, JSON) inside its first-answer block; `html` itself when it
 * has no block. A JSON text has `<` only inside its strings, where `\u003c` means the same: the answer
 * (insurers' product names among it) can never close the block or open a comment in it, and
 * `JSON.parse` reads what was answered.
 */
export function withFirstAnswer(html: string, answer: string): string {
  const match = FIRST_ANSWER_BLOCK.exec(html);
  if (!match) return html;
  const opening = match[0].slice(0, -'</script>'.length);
  const end = match.index + match[0].length;
  return `${html.slice(0, match.index)}${opening}${answer.replace(/</g, '\\u003c')}</script>${html.slice(end)}`;
}

/**
 * Gives the answer to a page's first request (`url`), as `request`'s visitor would be answered, or
 * null when there is none to write (not an HTTP 200). A rejection counts as none.
 */
export type FirstAnswerSource = (url: string, request: FastifyRequest) => Promise<string | null>;

/**
 * The BFF's own answer, asked in-process (`fastify.inject`, no socket): the visitor's address, the
 * page's URL, the Accept of index.html's request and the page's Host, so the response cache, the rate
 * limit and the trusted documents treat it as that request.
 */
export function askedInProcess(fastify: FastifyInstance): FirstAnswerSource {
  return (url, request) =>
    fastify
      .inject({
        method: 'GET',
        url,
        remoteAddress: request.ip,
        headers: { accept: FIRST_ANSWER_ACCEPT, ...(request.headers.host ? { host: request.headers.host } : {}) },
      })
      .then((response) => (response.statusCode === 200 ? response.body : null));
}

/** Serves `GET /` and `GET /index.html` (and HEAD) from `dir`'s index.html, with the first answer. */
export function registerH5Document(
  fastify: FastifyInstance,
  dir: string,
  options: { firstAnswer?: FirstAnswerSource; waitMs?: number } = {},
): void {
  const { firstAnswer = askedInProcess(fastify), waitMs = FIRST_ANSWER_WAIT_MS } = options;
  const path = join(dir, 'index.html');
  const template = templateReader(path);
  let last: Sent | null = null;

  /** The answer, when it is there within the wait; the source goes on and its answer is kept, if any. */
  async function answerInTime(url: string, request: FastifyRequest): Promise<string | null> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(resolve, waitMs, null)));
    try {
      return await Promise.race([firstAnswer(url, request).catch(() => null), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function sendPage(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    let page: Template;
    try {
      page = template();
    } catch {
      // No index.html (an app being rebuilt): as for any file that is not there.
      reply.callNotFound();
      return reply;
    }
    const answer = page.url === null ? null : await answerInTime(page.url, request);
    if (last?.template !== page.html || last.answer !== answer) {
      const html = answer === null ? page.html : withFirstProducts(withFirstAnswer(page.html, answer), answer);
      last = { template: page.html, answer, page: encodable(Buffer.from(html, 'utf8')) };
    }
    const form = representationOf(last.page, negotiateContentCoding(request.headers['accept-encoding']));
    void reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', page.policy)
      .header('vary', 'accept-encoding')
      .header('etag', form.etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], form.etag)) return reply.code(304).send();
    void reply.type('text/html; charset=utf-8');
    if (form.coding !== 'identity') void reply.header('content-encoding', form.coding);
    return reply.send(form.body);
  }

  fastify.get('/', sendPage);
  fastify.get('/index.html', sendPage);
}
