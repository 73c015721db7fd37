import Taro from '@tarojs/taro';
import * as alipay from '../share.alipay';
import * as h5 from '../share';
import {
  alipayShareMessage,
  h5ShareLink,
  queryOfPath,
  timelineOf,
  timelineShare,
  wechatShareMessage,
} from '../share-content';
import * as weapp from '../share.weapp';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { setClipboardData: jest.fn(), showToast: jest.fn(), showModal: jest.fn() },
  useShareAppMessage: jest.fn(),
  useShareTimeline: jest.fn(),
}));

const taro = Taro as unknown as Record<'setClipboardData' | 'showToast' | 'showModal', jest.Mock>;

describe('share content builders', () => {
  const input = { title: '我在家保给你留了一份保障清单', path: '/pages/invite/index?code=abc123', imageUrl: '/a.png' };

  it('builds WeChat onShareAppMessage: title, path, imageUrl', () => {
    expect(wechatShareMessage(input)).toEqual(input);
    expect(wechatShareMessage({ title: 't', path: 'pages/invite/index?code=abc123' })).toEqual({
      title: 't',
      path: '/pages/invite/index?code=abc123',
    });
    expect(wechatShareMessage({ ...input, desc: 'ignored' })).not.toHaveProperty('desc');
  });

  it('builds Alipay onShareAppMessage: title, desc, path', () => {
    expect(alipayShareMessage({ ...input, desc: '看看适合你家的保障' })).toEqual({
      title: input.title,
      desc: '看看适合你家的保障',
      path: input.path,
    });
    expect(alipayShareMessage(input)).toEqual({ title: input.title, path: input.path });
  });

  it('builds WeChat onShareTimeline: title and query, never a path', () => {
    expect(timelineShare({ title: 't', query: 'code=abc123' })).toEqual({ title: 't', query: 'code=abc123' });
    expect(timelineShare({ title: 't', query: '?code=abc123', imageUrl: '/s.png' })).toEqual({
      title: 't',
      query: 'code=abc123',
      imageUrl: '/s.png',
    });
    expect(timelineOf({ ...input, timelineImageUrl: '/square.png' })).toEqual({
      title: input.title,
      query: 'code=abc123',
      imageUrl: '/square.png',
    });
    expect(queryOfPath('/pages/invite/index')).toBe('');
    expect(queryOfPath('/pages/invite/index?code=a&x=1')).toBe('code=a&x=1');
  });

  it('gives each platform its shape from shareMessage', () => {
    expect(weapp.shareMessage({ ...input, desc: 'd' })).toEqual(input);
    expect(alipay.shareMessage({ ...input, desc: 'd' })).toEqual({ title: input.title, desc: 'd', path: input.path });
    expect(weapp.shareTimeline({ title: 't', query: 'code=abc123' })).toEqual({ title: 't', query: 'code=abc123' });
  });

  it('tells the page which share button to render', () => {
    expect(weapp.SHARE_BUTTON_OPEN_TYPE).toBe('share');
    expect(alipay.SHARE_BUTTON_OPEN_TYPE).toBeUndefined();
    expect(h5.SHARE_BUTTON_OPEN_TYPE).toBeUndefined();
    expect(h5.SHARE_BUTTON_LABEL).toBe('复制分享链接');
  });

  it('links H5 to the BFF url, else to this site with hash routing', () => {
    const location = { origin: 'https://m.example.com', pathname: '/' };
    expect(h5ShareLink({ path: input.path, url: 'https://m.example.com/i/abc123' }, location)).toBe(
      'https://m.example.com/i/abc123',
    );
    expect(h5ShareLink({ path: input.path }, location)).toBe('https://m.example.com/#/pages/invite/index?code=abc123');
  });
});

describe('H5 openSharePanel', () => {
  const content = { title: 't', path: '/pages/invite/index?code=abc123', url: 'https://m.example.com/i/abc123' };

  afterEach(() => Object.values(taro).forEach((mock) => mock.mockReset()));

  it('copies the link and says so', async () => {
    taro.setClipboardData.mockResolvedValue({});
    taro.showToast.mockResolvedValue({});
    await h5.openSharePanel(content);
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: content.url });
    expect(taro.showToast).toHaveBeenCalledWith({ title: '链接已复制', icon: 'none' });
    expect(taro.showModal).not.toHaveBeenCalled();
  });

  it('shows the link when the clipboard fails', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    taro.setClipboardData.mockRejectedValue({ errMsg: 'setClipboardData:fail' });
    taro.showModal.mockResolvedValue({ confirm: true });
    await h5.openSharePanel(content);
    expect(taro.showToast).not.toHaveBeenCalled();
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: content.url, showCancel: false }));
    warn.mockRestore();
  });

  it('does nothing before the content is known', async () => {
    await h5.openSharePanel(null);
    expect(taro.setClipboardData).not.toHaveBeenCalled();
  });
});
