import Taro from '@tarojs/taro';
import { CAN_SAVE_TO_ALBUM as H5_CAN_SAVE, saveToAlbum as h5SaveToAlbum } from '../album';
import { albumFailureMessage as alipayFailureMessage } from '../album.alipay';
import { ALBUM_DENIED_MESSAGE, ALBUM_PRIVACY_MESSAGE, albumFailureMessage, saveToAlbum } from '../album.weapp';
import { PlatformError } from '../platform-error';
import { platformNeedsPrivacyAuthorization } from '../privacy';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { getSetting: jest.fn(), showModal: jest.fn(), openSetting: jest.fn(), saveImageToPhotosAlbum: jest.fn() },
}));
jest.mock('../privacy', () => ({ platformNeedsPrivacyAuthorization: jest.fn() }));

const taro = Taro as unknown as Record<
  'getSetting' | 'showModal' | 'openSetting' | 'saveImageToPhotosAlbum',
  jest.Mock
>;
const needsPrivacy = platformNeedsPrivacyAuthorization as jest.Mock;

describe('WeChat saveToAlbum', () => {
  beforeEach(() => {
    Object.values(taro).forEach((mock) => mock.mockReset());
    needsPrivacy.mockReset().mockResolvedValue(false);
    taro.getSetting.mockResolvedValue({ authSetting: {} });
    taro.saveImageToPhotosAlbum.mockResolvedValue({});
  });

  it('saves directly when the scope was never refused (WeChat asks on the call)', async () => {
    await expect(saveToAlbum('wxfile://poster.png')).resolves.toBe('saved');
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledWith({ filePath: 'wxfile://poster.png' });
    expect(taro.showModal).not.toHaveBeenCalled();
  });

  it('settles the privacy consent first when WeChat still waits for it', async () => {
    needsPrivacy.mockResolvedValue(true);
    const ensureConsent = jest.fn().mockResolvedValue(true);
    await expect(saveToAlbum('p.png', { ensureConsent })).resolves.toBe('saved');
    expect(ensureConsent).toHaveBeenCalled();

    ensureConsent.mockResolvedValue(false);
    taro.saveImageToPhotosAlbum.mockClear();
    await expect(saveToAlbum('p.png', { ensureConsent })).rejects.toThrow(ALBUM_PRIVACY_MESSAGE);
    expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  });

  it('explains and opens the settings when the scope was refused before', async () => {
    taro.getSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } });
    taro.showModal.mockResolvedValue({ confirm: true });
    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': true } });
    await expect(saveToAlbum('p.png')).resolves.toBe('saved');
    expect(taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '需要相册权限', confirmText: '去设置' }),
    );
    expect(taro.openSetting).toHaveBeenCalled();
  });

  it('stops when the user declines the settings, or leaves the scope off', async () => {
    taro.getSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } });
    taro.showModal.mockResolvedValue({ confirm: false });
    await expect(saveToAlbum('p.png')).resolves.toBe('cancelled');

    taro.showModal.mockResolvedValue({ confirm: true });
    taro.openSetting.mockResolvedValue({ authSetting: { 'scope.writePhotosAlbum': false } });
    await expect(saveToAlbum('p.png')).rejects.toThrow(ALBUM_DENIED_MESSAGE);
    expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled();
  });

  it('turns a failed save into a Chinese message with the detail for logs', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValue({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });
    const error = await saveToAlbum('p.png').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).message).toBe(ALBUM_DENIED_MESSAGE);
    expect((error as PlatformError).detail).toContain('auth deny');
  });

  it('maps WeChat failures', () => {
    expect(albumFailureMessage({ errMsg: 'saveImageToPhotosAlbum:fail:auth denied' })).toBe(ALBUM_DENIED_MESSAGE);
    expect(albumFailureMessage({ errMsg: 'saveImageToPhotosAlbum:fail authorize no response' })).toBe(
      ALBUM_DENIED_MESSAGE,
    );
    expect(
      albumFailureMessage({ errMsg: 'saveImageToPhotosAlbum:fail privacy permission is not authorized', errno: 104 }),
    ).toBe(ALBUM_PRIVACY_MESSAGE);
    expect(albumFailureMessage({ errMsg: 'saveImageToPhotosAlbum:fail cancel' })).toBe('已取消保存');
    expect(albumFailureMessage({ errMsg: 'saveImageToPhotosAlbum:fail:system permission denied' })).toBe(
      '请在手机设置中允许微信访问相册后重试',
    );
    expect(albumFailureMessage(new Error('boom'))).toBe('保存失败，请稍后重试');
  });
});

describe('Alipay and H5 album', () => {
  it('maps Alipay permission errors to Chinese', () => {
    expect(alipayFailureMessage({ error: 15, errorMessage: 'no permission' })).toContain('允许支付宝访问相册');
    expect(alipayFailureMessage({ error: 2001, errorMessage: '用户拒绝授权' })).toContain('允许支付宝访问相册');
    expect(alipayFailureMessage({ error: 16, errorMessage: 'disk full' })).toBe('手机存储空间不足，海报未保存');
    expect(alipayFailureMessage({ error: 17, errorMessage: 'x' })).toBe('保存失败，请稍后重试');
  });

  it('has no album on H5', async () => {
    expect(H5_CAN_SAVE).toBe(false);
    await expect(h5SaveToAlbum('data:image/png;base64,')).rejects.toThrow('长按图片保存');
  });
});
