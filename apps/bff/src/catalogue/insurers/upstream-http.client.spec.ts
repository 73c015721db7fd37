import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { UpstreamHttpClient, okBody, upstreamBudget } from './upstream-http.client.js';

/** A tiny upstream that answers what the test sets next, over real HTTP. */
describe('UpstreamHttpClient.getParsed', () => {
  let server: Server;
  let url: string;
  let next: {
    status: number;
    body: string;
    etag?: string;
    gzip?: boolean;
    hang?: boolean;
    /** Answers nothing until this many requests wait, then all of them: that many sockets at once. */
    together?: number;
  } = {
    status: 200,
    body: '{}',
  };
  const seen: (string | undefined)[] = [];
  let connections = 0;
  const waiting: (() => void)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers['if-none-match']);
      if (next.hang) return;
      const answer = (): void => {
        const headers: Record<string, string> = next.etag ? { etag: next.etag } : {};
        if (next.gzip) headers['content-encoding'] = 'gzip';
        response.writeHead(next.status, headers);
        response.end(next.status === 304 ? undefined : next.gzip ? gzipSync(next.body) : next.body);
      };
      if (!next.together) return answer();
      waiting.push(answer);
      if (waiting.length >= next.together) waiting.splice(0).forEach((waiter) => waiter());
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/catalogue`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
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

  it('decodes a compressed body, and names the same bytes the same revision as uncompressed', async () => {
    const http = new UpstreamHttpClient();
    next = { status: 200, body: '{"名":"安心"}', gzip: true };
    const compressed = await http.getParsed(url, signal(), parse);
    expect(compressed.value).toEqual({ 名: '安心' });
    next = { status: 200, body: '{"名":"安心"}' };
    expect((await new UpstreamHttpClient().getParsed(url, signal(), parse)).revision).toBe(compressed.revision);
  });

  it('keeps every socket a load opened to one origin for the next load (more than Node keeps by default)', async () => {
    const http = new UpstreamHttpClient();
    const load = () =>
      Promise.all(Array.from({ length: 300 }, (_, page) => http.getParsed(`${url}?page=${page}`, signal(), parse)));
    next = { status: 200, body: '{}', together: 300 };
    connections = 0;
    await load();
    expect(connections).toBe(300);
    await load();
    expect(connections).toBe(300);
    http.onModuleDestroy();
  });

  it('fails as TIMEOUT when the upstream does not answer within the budget, UNAVAILABLE when unreachable', async () => {
    const http = new UpstreamHttpClient();
    next = { status: 200, body: '{}', hang: true };
    await expect(http.getParsed(url, AbortSignal.timeout(100), parse)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(http.getParsed('http://127.0.0.1:1/catalogue', signal(), parse)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    http.onModuleDestroy();
  });

  describe('upstreamBudget', () => {
    // An upstream in a process of its own: it tells this process (IPC) that a request reached it, then
    // answers `delay` ms later (20 by default), so the answer arrives while this process is kept busy.
    let child: ReturnType<typeof spawn>;
    let slowUrl: string;
    beforeAll(async () => {
      child = spawn(
        process.execPath,
        [
          '-e',
          `const server = require('node:http').createServer((q, s) => {
             process.send('received');
             const delay = Number(new URL(q.url, 'http://upstream').searchParams.get('delay') ?? 20);
             setTimeout(() => s.end('{"ok":true}'), delay);
           });
           server.listen(0, '127.0.0.1', () => process.send(String(server.address().port)));`,
        ],
        { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
      );
      const port = await new Promise<string>((resolve) => child.once('message', (message) => resolve(String(message))));
      slowUrl = `http://127.0.0.1:${port}/catalogue`;
    });
    afterAll(() => child.kill());
    /**
     * Keeps this process busy for a second from the moment the upstream has the request, in an I/O
     * callback as a parse would be: the budget (100 ms) runs out and the answer (20 ms) comes in
     * meanwhile. (In a timer callback it would not show: timers due during it wait for the I/O.)
     */
    const busyOnceReceived = () =>
      child.once('message', () => {
        const end = Date.now() + 1000;
        while (Date.now() < end);
      });

    it('reads an answer that arrived within the budget while this process was busy, where a plain timeout gives it up', async () => {
      const http = new UpstreamHttpClient();
      const budget = upstreamBudget(100);
      busyOnceReceived();
      await expect(http.getParsed(`${slowUrl}?budget`, budget.signal, parse)).resolves.toMatchObject({
        value: { ok: true },
      });
      budget.release();

      // The same with Node's own timeout: its timer fires before the socket is read.
      busyOnceReceived();
      await expect(http.getParsed(`${slowUrl}?plain`, AbortSignal.timeout(100), parse)).rejects.toMatchObject({
        code: 'TIMEOUT',
      });
      http.onModuleDestroy();
    });

    it('gives up a request still in flight when the budget is spent, and when it is released', async () => {
      const http = new UpstreamHttpClient();
      const spent = http.getParsed(`${slowUrl}?delay=2000`, upstreamBudget(50).signal, parse);
      await expect(spent).rejects.toMatchObject({ code: 'TIMEOUT' });
      const budget = upstreamBudget(5000);
      const released = http.getParsed(`${slowUrl}?delay=2000`, budget.signal, parse);
      budget.release();
      await expect(released).rejects.toBeInstanceOf(Error);
      http.onModuleDestroy();
    });
  });
});
