/**
 * A minimal HTTP/1.1 client over a plain socket, one request at a time per connection, for servers
 * that refuse a request before reading its body and then close the connection (the BFF's 413).
 * fetch and node:http report only the broken pipe of the unfinished upload, not the answer that came
 * first; autocannon writes its next request into the closing connection, where it is lost, and its
 * latency figures drift from then on. Answers must carry a Content-Length (the BFF's do).
 */
import { type Socket, connect } from 'node:net';

/** A request ready to write: its head and body, built once and sent any number of times. */
export interface RawRequest {
  readonly head: Buffer;
  readonly body: Buffer;
}

export interface RawAnswer {
  readonly status: number;
  readonly text: string;
  /** The server said `connection: close`: the connection cannot carry another request. */
  readonly closes: boolean;
}

/** A POST of `body` to `url` with the given headers (host and content-length are added). */
export function rawPost(url: string, headers: Readonly<Record<string, string>>, body: string): RawRequest {
  const target = new URL(url);
  const payload = Buffer.from(body);
  const head =
    `POST ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n` +
    Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    `content-length: ${payload.length}\r\n\r\n`;
  return { head: Buffer.from(head, 'latin1'), body: payload };
}

const HEAD_END = Buffer.from('\r\n\r\n');
const PIECE_BYTES = 64 * 1024;

export class HttpConnection {
  private readonly socket: Socket;
  private received: Buffer = Buffer.alloc(0);
  private pending: { resolve: (answer: RawAnswer) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(url: string) {
    const target = new URL(url);
    this.socket = connect(Number(target.port), target.hostname);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.deliver();
    });
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () => this.fail(new Error('connection closed before a whole answer arrived')));
  }

  get open(): boolean {
    return this.failure === null && !this.socket.destroyed;
  }

  /**
   * Sends one request and resolves with its answer. With `holdBodyMs`, only the head goes at once and
   * the body follows in pieces after that long, unless an answer came first: a refusal from the
   * headers alone is then read before any write into the closing connection can fail.
   */
  request(request: RawRequest, holdBodyMs = 0): Promise<RawAnswer> {
    if (this.pending) return Promise.reject(new Error('one request at a time per connection'));
    if (!this.open) return Promise.reject(this.failure ?? new Error('connection closed'));
    return new Promise<RawAnswer>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request.head);
      if (holdBodyMs === 0) {
        this.socket.write(request.body);
        return;
      }
      let offset = 0;
      const sendMore = (): void => {
        if (!this.pending || !this.open || this.received.length > 0 || offset >= request.body.length) return;
        const piece = request.body.subarray(offset, offset + PIECE_BYTES);
        offset += piece.length;
        this.socket.write(piece, () => setImmediate(sendMore));
      };
      setTimeout(sendMore, holdBodyMs);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  /** Resolves the pending request once its whole answer (headers and Content-Length bytes) is in. */
  private deliver(): void {
    if (!this.pending) return;
    const end = this.received.indexOf(HEAD_END);
    if (end < 0) return;
    const headers = this.received.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? Number.NaN);
    if (!Number.isFinite(length)) {
      const { reject } = this.pending;
      this.pending = null;
      this.failure ??= new Error(`answer without content-length: ${headers.slice(0, 200)}`);
      this.socket.destroy();
      reject(this.failure);
      return;
    }
    const bodyStart = end + HEAD_END.length;
    if (this.received.length < bodyStart + length) return;
    const answer: RawAnswer = {
      status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1] ?? 0),
      text: this.received.subarray(bodyStart, bodyStart + length).toString('utf8'),
      closes: /\r\nconnection: *close/i.test(headers),
    };
    this.received = this.received.subarray(bodyStart + length);
    const { resolve } = this.pending;
    this.pending = null;
    resolve(answer);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    // An answer already received counts, whatever happened to the connection after it.
    this.deliver();
    if (this.pending) {
      const { reject } = this.pending;
      this.pending = null;
      reject(error);
    }
    this.socket.destroy();
  }
}

/**
 * One request on a connection of its own, closed afterwards; tried `attempts` times when the
 * connection broke before a whole answer arrived.
 */
export async function requestOnce(
  url: string,
  request: RawRequest,
  options: { holdBodyMs?: number; attempts?: number } = {},
): Promise<RawAnswer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < (options.attempts ?? 1); attempt++) {
    const connection = new HttpConnection(url);
    try {
      return await connection.request(request, options.holdBodyMs ?? 0);
    } catch (error) {
      lastError = error;
    } finally {
      connection.close();
    }
  }
  throw lastError;
}
