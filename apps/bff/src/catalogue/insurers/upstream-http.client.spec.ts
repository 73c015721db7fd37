import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamHttpClient, okBody } from './upstream-http.client.js';

/** A tiny upstream that answers what the test sets next, over real HTTP. */
describe('UpstreamHttpClient.getParsed', () => {
  let server: Server;
  let url: string;
  let next: { status: number; body: string; etag?: string } = { status: 200, body: '{}' };
  const seen: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers['if-none-match']);
      response.writeHead(next.status, next.etag ? { etag: next.etag } : {});
      response.end(next.status === 304 ? undefined : next.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalogue`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (seen.length = 0));

  const parseCount = { n: 0 };
  const parse = (response: Parameters<typeof okBody>[1]) => {
    parseCount.n += 1;
    return JSON.parse(okBody(url, response)) as unknown;
  };
  const signal = () => AbortSignal.timeout(2000);

  it('refuses a 304 to a request that named no ETag', async () => {
    const http = new UpstreamHttpClient();
    next = { status: 304, body: '' };
    await expect(http.getParsed(url, signal(), parse)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('keeps nothing from an answer that did not parse, nor from a non-200', async () => {
    const http = new UpstreamHttpClient();
    parseCount.n = 0;
    next = { status: 200, body: 'not json', etag: '"a"' };
    await expect(http.getParsed(url, signal(), parse)).rejects.toThrow();
    next = { status: 503, body: '{}', etag: '"b"' };
    await expect(http.getParsed(url, signal(), parse)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    next = { status: 200, body: '{"n":1}', etag: '"c"' };
    expect((await http.getParsed(url, signal(), parse)).value).toEqual({ n: 1 });
    // Neither the unparsable answer's ETag nor the 503's was sent back; the good one's is.
    next = { status: 304, body: '' };
    expect((await http.getParsed(url, signal(), parse)).value).toEqual({ n: 1 });
    expect(seen).toEqual([undefined, undefined, undefined, '"c"']);
    expect(parseCount.n).toBe(3);
  });

  it('parses a changed body from an upstream without ETags, and only then', async () => {
    const http = new UpstreamHttpClient();
    parseCount.n = 0;
    next = { status: 200, body: '{"n":1}' };
    const first = await http.getParsed(url, signal(), parse);
    const same = await http.getParsed(url, signal(), parse);
    expect(same.value).toBe(first.value);
    expect(same.revision).toBe(first.revision);
    next = { status: 200, body: '{"n":2}' };
    const changed = await http.getParsed(url, signal(), parse);
    expect(changed.value).toEqual({ n: 2 });
    expect(changed.revision).not.toBe(first.revision);
    expect(parseCount.n).toBe(2);
  });
});
