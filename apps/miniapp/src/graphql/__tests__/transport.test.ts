import Taro from '@tarojs/taro';
import { taroTransport } from '../transport';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }));

const requestMock = Taro.request as unknown as jest.Mock;

describe('taroTransport', () => {
  afterEach(() => requestMock.mockReset());

  function fakeTask(): Promise<unknown> & { abort: jest.Mock } {
    return Object.assign(new Promise<unknown>(() => undefined), { abort: jest.fn() });
  }

  it('resolves with the status, data and headers of Taro.request', async () => {
    requestMock.mockImplementation((opts: { success: (res: unknown) => void }) => {
      opts.success({ statusCode: 429, data: { errors: [] }, header: { 'Retry-After': '30' } });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      statusCode: 429,
      body: { errors: [] },
      headers: { 'Retry-After': '30' },
    });
    expect(requestMock).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', timeout: 1000, data: '{}' }));
  });

  it('maps fail callbacks to NETWORK or TIMEOUT', async () => {
    requestMock.mockImplementationOnce((opts: { fail: (err: unknown) => void }) => {
      opts.fail({ errMsg: 'request:fail timeout' });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    requestMock.mockImplementationOnce((opts: { fail: (err: unknown) => void }) => {
      opts.fail({ errMsg: 'request:fail net::ERR_CONNECTION_REFUSED' });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });

  it("reads Alipay's failure for a non-2xx status (error 19) as the HTTP answer it carries", async () => {
    const body = { errors: [{ message: 'Too many requests', extensions: { code: 'TOO_MANY_REQUESTS' } }] };
    requestMock.mockImplementationOnce((opts: { fail: (err: unknown) => void }) => {
      opts.fail({
        error: 19,
        errorMessage: 'http status error',
        status: 429,
        data: body,
        headers: { 'retry-after': '7' },
      });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      statusCode: 429,
      body,
      headers: { 'retry-after': '7' },
    });
    // Without the answer (older clients): an HTTP failure, not a network one.
    requestMock.mockImplementationOnce((opts: { fail: (err: unknown) => void }) => {
      opts.fail({ error: 19, errorMessage: 'http status error' });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({
      code: 'HTTP',
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('times out on its own when the platform never answers', async () => {
    jest.useFakeTimers();
    const task = fakeTask();
    requestMock.mockImplementation(() => task);
    const pending = taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 });
    jest.advanceTimersByTime(2000);
    await expect(pending).rejects.toMatchObject({ code: 'TIMEOUT', message: '请求超时，请稍后重试' });
    expect(task.abort).toHaveBeenCalled();
    jest.useRealTimers();
  });
});
