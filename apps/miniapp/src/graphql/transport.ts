import Taro from '@tarojs/taro';
import { describeFailure, GraphQLClientError, messages } from './errors';

/** One HTTP request, as the client hands it to a transport. */
export interface TransportRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

/** What the transport hands back: an HTTP status and the (possibly already parsed) body. */
export interface TransportResponse {
  statusCode: number;
  body: unknown;
}

/** Sends one HTTP request. Rejects with a `GraphQLClientError` ('NETWORK' or 'TIMEOUT') on failure. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/**
 * The default transport: a POST through `Taro.request` (mini-programs have no `fetch`), with a timer
 * as a safety net around the platform's own timeout.
 */
export const taroTransport: Transport = ({ url, body, headers, timeoutMs }) =>
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
      method: 'POST',
      data: body,
      header: headers,
      timeout: timeoutMs,
      dataType: 'json',
      success: (res) => finish(() => resolve({ statusCode: res.statusCode, body: res.data })),
      fail: (err) =>
        finish(() => {
          const detail = describeFailure(err);
          reject(
            /timeout|timed out|超时/i.test(detail)
              ? timeoutError()
              : new GraphQLClientError('NETWORK', messages.NETWORK, { detail }),
          );
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
