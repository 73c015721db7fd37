/**
 * The floor a cached page is measured against: a plain Node `http` server that reads each request
 * whole, as the BFF does, and answers the very bytes the BFF answered for it (status 200, the same
 * content type and body), with nothing else to do. Started by catalogue.ts as
 * `node dist/catalogue/same-bytes-server.js <file>`, where the file holds `{ contentType, body }`;
 * reports `{ type: 'ready', port }` over IPC and exits on `{ type: 'close' }`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOST = '127.0.0.1';

function main(): void {
  if (!process.send) throw new Error('same-bytes-server.ts must be started by catalogue.ts (needs an IPC channel)');
  const file = process.argv[2];
  if (!file) throw new Error('usage: same-bytes-server.js <answer.json>');
  const answer = JSON.parse(readFileSync(file, 'utf8')) as { contentType: string; body: string };
  const body = Buffer.from(answer.body);
  const headers = { 'content-type': answer.contentType, 'content-length': String(body.length) };
  const server = createServer((request, response) => {
    request.on('data', () => undefined);
    request.on('end', () => {
      response.writeHead(200, headers);
      response.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, HOST, () => {
    process.on('message', (message: { type?: string }) => {
      if (message?.type !== 'close') return;
      server.close(() => process.exit(0));
      server.closeAllConnections();
    });
    process.on('disconnect', () => process.exit(0));
    process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port });
  });
}

main();
