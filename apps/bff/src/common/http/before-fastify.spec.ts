import type { IncomingMessage } from 'node:http';
import Fastify from 'fastify';
import { type EarlyAnswer, clientAddressOf, serverAnsweringFirst } from './before-fastify.js';

/** A request as Node's server hands it over: the peer's address and the headers. */
const from = (peer: string, forwardedFor?: string): IncomingMessage =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

describe('clientAddressOf', () => {
  it('reads the peer when no proxy is trusted, or only a hop count is', () => {
    for (const trust of [false, 2] as const)
      expect(clientAddressOf(trust)(from('198.51.100.9', '203.0.113.7'))).toBe('198.51.100.9');
  });

  it('behind trusted proxies, reads the nearest forwarded address they do not vouch for', () => {
    const behindLoopback = clientAddressOf(['127.0.0.1']);
    expect(behindLoopback(from('127.0.0.1', '198.51.100.1, 203.0.113.7'))).toBe('203.0.113.7');
    expect(behindLoopback(from('127.0.0.1', '203.0.113.7, 127.0.0.1'))).toBe('203.0.113.7');
    // A peer that is not a trusted proxy cannot name another address.
    expect(behindLoopback(from('198.51.100.9', '203.0.113.7'))).toBe('198.51.100.9');
    // Every hop trusted: the farthest one.
    expect(clientAddressOf(true)(from('127.0.0.1', '198.51.100.1, 203.0.113.7'))).toBe('198.51.100.1');
  });
});

describe('serverAnsweringFirst', () => {
  it('offers each request first, lets the rest reach Fastify, and survives an early answer that throws', async () => {
    const errors: unknown[] = [];
    const early: EarlyAnswer = (request, response) => {
      if (request.url === '/early') {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('early');
        return true;
      }
      if (request.url === '/throws') throw new Error('before answering');
      if (request.url === '/throws-midway') {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.write('half');
        throw new Error('while answering');
      }
      return false;
    };
    const fastify = Fastify({
      keepAliveTimeout: 4321,
      connectionTimeout: 8765,
      serverFactory: serverAnsweringFirst(
        () => early,
        (error) => errors.push(error),
      ),
    });
    const routed: string[] = [];
    fastify.get('/*', async (request) => {
      routed.push(request.url);
      return 'fastify';
    });
    const base = await fastify.listen({ port: 0, host: '127.0.0.1' });
    try {
      expect(fastify.server.keepAliveTimeout).toBe(4321);
      expect(fastify.server.timeout).toBe(8765);
      expect(await (await fetch(`${base}/early`)).text()).toBe('early');
      expect(await (await fetch(`${base}/other`)).text()).toBe('fastify');
      expect(await (await fetch(`${base}/throws`)).text()).toBe('fastify');
      await expect(fetch(`${base}/throws-midway`).then((response) => response.text())).rejects.toThrow();
      expect(await (await fetch(`${base}/other`)).text()).toBe('fastify');
      expect(routed).toEqual(['/other', '/throws', '/other']);
      expect(errors.map((error) => (error as Error).message)).toEqual(['before answering', 'while answering']);
    } finally {
      await fastify.close();
    }
  });
});
