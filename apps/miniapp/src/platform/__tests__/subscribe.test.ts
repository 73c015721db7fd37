import Taro from '@tarojs/taro';
import * as h5 from '../subscribe';
import * as alipay from '../subscribe.alipay';
import { alipayOutcome, templatesForOneDialog, wechatOutcome } from '../subscribe-result';
import * as weapp from '../subscribe.weapp';
import { PlatformError } from '../platform-error';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: jest.fn() } }));

const requestSubscribeMessage = (Taro as unknown as { requestSubscribeMessage: jest.Mock }).requestSubscribeMessage;
const ids = ['t1', 't2', 't3', 't4', 't5', 't6'];

describe('reading the subscription dialogs', () => {
  it('asks one dialog for at most its limit, each template once', () => {
    expect(templatesForOneDialog(['a', 'b', 'a', 'c', 'd'], 3)).toEqual(['a', 'b', 'c']);
    expect(templatesForOneDialog(ids, 5)).toEqual(ids.slice(0, 5));
    expect(templatesForOneDialog(ids, 0)).toEqual([]);
  });

  it('counts only WeChat’s accept (not reject, ban or filter)', () => {
    const outcome = wechatOutcome(['t1', 't2', 't3', 't4'], {
      errMsg: 'requestSubscribeMessage:ok',
      t1: 'accept',
      t2: 'reject',
      t3: 'ban',
      t4: 'filter',
    });
    expect(outcome).toEqual({ accepted: ['t1'], declined: ['t2', 't3', 't4'] });
  });

  it('reads Alipay’s subscribeEntityIds, or its per-id answers, and nothing from a cancelled dialog', () => {
    expect(
      alipayOutcome(['t1', 't2'], {
        behavior: 'subscribe',
        keep: false,
        result: { subscribeEntityIds: ['t2'], unsubscribeEntityIds: ['t1'] },
      }),
    ).toEqual({ accepted: ['t2'], declined: ['t1'] });
    expect(alipayOutcome(['t1', 't2'], { behavior: 'subscribe', t1: 'accept', t2: 'reject' }).accepted).toEqual(['t1']);
    expect(alipayOutcome(['t1'], { behavior: 'cancel', t1: 'accept' }).accepted).toEqual([]);
  });
});

describe('WeChat requestSubscriptions', () => {
  beforeEach(() => requestSubscribeMessage.mockReset());

  it('opens the dialog at once with up to 5 templates and resolves with the accepted ones', async () => {
    requestSubscribeMessage.mockImplementation(({ success }) => success({ errMsg: 'ok', t1: 'accept', t3: 'accept' }));
    const pending = weapp.requestSubscriptions(ids);
    // Synchronously, within the tap: nothing awaited before the platform call.
    expect(requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(ids.slice(0, 5));
    await expect(pending).resolves.toEqual({ accepted: ['t1', 't3'], declined: ['t2', 't4', 't5'] });
    expect(weapp.TEMPLATES_PER_DIALOG).toBe(5);
  });

  it('explains where to turn messages back on when WeChat answers 20004', async () => {
    requestSubscribeMessage.mockImplementation(({ fail }) => fail({ errCode: 20004, errMsg: 'main switch off' }));
    const failure = weapp.requestSubscriptions(['t1']);
    await expect(failure).rejects.toBeInstanceOf(PlatformError);
    await expect(failure).rejects.toThrow(weapp.MESSAGES_TURNED_OFF_MESSAGE);
  });

  it('asks nothing for no templates', async () => {
    await expect(weapp.requestSubscriptions([])).resolves.toEqual({ accepted: [], declined: [] });
    expect(requestSubscribeMessage).not.toHaveBeenCalled();
  });
});

describe('Alipay requestSubscriptions', () => {
  const my = { requestSubscribeMessage: jest.fn() };
  beforeAll(() => Object.assign(globalThis, { my }));
  afterAll(() => delete (globalThis as { my?: unknown }).my);

  it('opens the dialog at once with up to 3 entity ids', async () => {
    my.requestSubscribeMessage.mockImplementation(({ success }) =>
      success({ behavior: 'subscribe', result: { subscribeEntityIds: ['t1', 't2', 't3'] } }),
    );
    const pending = alipay.requestSubscriptions(ids);
    expect(my.requestSubscribeMessage.mock.calls[0][0].entityIds).toEqual(['t1', 't2', 't3']);
    await expect(pending).resolves.toEqual({ accepted: ['t1', 't2', 't3'], declined: [] });
  });

  it('fails with a Chinese message when the dialog fails', async () => {
    my.requestSubscribeMessage.mockImplementation(({ fail }) => fail({ error: 3, errorMessage: 'failed' }));
    await expect(alipay.requestSubscriptions(['t1'])).rejects.toThrow('暂时无法开启提醒，请稍后重试');
  });
});

describe('H5 requestSubscriptions', () => {
  it('has no subscription messages: nothing is asked', async () => {
    expect(h5.SUBSCRIPTION_MESSAGES).toBe(false);
    await expect(h5.requestSubscriptions(['t1'])).resolves.toEqual({ accepted: [], declined: [] });
  });
});
