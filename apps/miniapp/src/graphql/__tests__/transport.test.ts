import Taro from '@tarojs/taro';
import { taroTransport } from '../transport';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { request: jest.fn() } }));

const requestMock = Taro.request as unknown as jest.Mock;

describe('taroTransport', () => {
  afterEach(() => requestMock.mockReset());

  function fakeTask(): Promise<unknown> & { abort: jest.Mock } {
    return Object.assign(new Promise<unknown>(() => undefined), { abort: jest.fn() });
  }

  it('resolves with the status and data of Taro.request', async () => {
    requestMock.mockImplementation((opts: { success: (res: unknown) => void }) => {
      opts.success({ statusCode: 200, data: { data: {} } });
      return fakeTask();
    });
    await expect(taroTransport({ url: '/graphql', body: '{}', headers: {}, timeoutMs: 1000 })).resolves.toEqual({
      statusCode: 200,
      body: { data: {} },
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
