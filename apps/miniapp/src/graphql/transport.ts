import Taro from '@tarojs/taro';
import { describeFailure, GraphQLClientError, isRecord, messages } from './errors';
import { takeFirstScreenAnswer } from './first-screen';

/** One HTTP request, as the client hands it to a transport. */
export interface TransportRequest {
  url: string;
  /** POST unless said otherwise; a GET carries everything in `url` and has no body. */
  method?: 'GET' | 'POST';
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** What the transport hands back: an HTTP status, the (possibly already parsed) body and the headers. */
export interface TransportResponse {
  statusCode: number;
  body: unknown;
  /** Response headers as the platform gives them (name case varies). */
  headers?: Readonly<Record<string, unknown>>;
}

/**
 * Sends one HTTP request and resolves with any HTTP answer, 2xx or not. Rejects with a
 * `GraphQLClientError` ('NETWORK', 'TIMEOUT' or 'HTTP') when no answer can be read.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

function recordOrEmpty(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : {};
}

/** Alipay's `my.request` error for an answer whose status is not 2xx ("HTTP错误"). */
const ALIPAY_HTTP_ERROR = 19;

/**
 * WeChat and H5 hand every HTTP answer to `success`; Alipay calls `fail` (error 19) for a non-2xx
 * status, with the answer's `status`, `data` and `headers` (Taro renames them only on success). Such
 * an answer is read like any other: a 429 must not look like a network failure. (From Alipay's
 * documentation; not yet seen on a device.)
 */
function httpAnswerOfFailure(err: unknown): TransportResponse | null {
  if (!isRecord(err)) return null;
  const status = typeof err.statusCode === 'number' ? err.statusCode : err.status;
  // Alipay's error codes (11, 12, 19…) are below 100: only an HTTP status counts.
  if (typeof status !== 'number' || status < 100 || !('data' in err)) return null;
  return { statusCode: status, body: err.data, headers: recordOrEmpty(err.headers ?? err.header) };
}

/**
 * One request, POST or GET, through `Taro.request` (mini-programs have no `fetch`), with a timer
 * as a safety net around the platform's own timeout.
 */
const taroRequest: Transport = ({ url, method = 'POST', body, headers, timeoutMs }) =>
  new Promise<TransportResponse>((resolve, reject) => {
    let settled = false;
    // Declared first: some platforms call `success`/`fail` synchronously.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      fn();
    };
    const timeoutError = (): GraphQLClientError =>
      new GraphQLClientError('TIMEOUT', messages.TIMEOUT, { detail: `no answer within ${timeoutMs} ms` });

    const task = Taro.request<unknown, string>({
      url,
      method,
      ...(method === 'POST' ? { data: body } : {}),
      header: headers,
      timeout: timeoutMs,
      dataType: 'json',
      success: (res) =>
        finish(() => resolve({ statusCode: res.statusCode, body: res.data, headers: recordOrEmpty(res.header) })),
      fail: (err) =>
        finish(() => {
          const answer = httpAnswerOfFailure(err);
          if (answer) {
            resolve(answer);
            return;
          }
          const detail = describeFailure(err);
          if (/timeout|timed out|超时/i.test(detail)) reject(timeoutError());
          // An HTTP error without the answer (older Alipay clients): the server failed, not the network.
          else if (isRecord(err) && err.error === ALIPAY_HTTP_ERROR)
            reject(new GraphQLClientError('HTTP', messages.HTTP, { detail }));
          else reject(new GraphQLClientError('NETWORK', messages.NETWORK, { detail }));
        }),
    });
    // `success`/`fail` settle the promise; swallow the task's own rejection to avoid an unhandled one.
    task.catch(() => undefined);

    if (settled) return;
    timer = setTimeout(() => {
      finish(() => reject(timeoutError()));
      try {
        task.abort();
      } catch {
        // Aborting is best effort.
      }
    }, timeoutMs + 500);
  });

/**
 * The default transport: `Taro.request`; on H5, the home page's first request is the one index.html
 * already started, when there is one (graphql/first-screen.ts).
 */
export const taroTransport: Transport = (request) => {
  // H5: the home page's first request may already be on its way (index.html started it).
  const started = request.method === 'GET' ? takeFirstScreenAnswer(request.url) : undefined;
  if (started) return started.catch(() => taroRequest(request));
  return taroRequest(request);
};
