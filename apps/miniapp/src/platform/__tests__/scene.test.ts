import Taro from '@tarojs/taro';
import { isSinglePageMode as neutralIsSinglePageMode } from '../scene';
import { isSinglePageMode, SINGLE_PAGE_MODE_SCENE } from '../scene.weapp';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { getLaunchOptionsSync: jest.fn() } }));

const launchOptions = Taro.getLaunchOptionsSync as unknown as jest.Mock;

describe('scene detection', () => {
  afterEach(() => launchOptions.mockReset());

  it('finds WeChat Moments single-page mode (scene 1154)', () => {
    expect(SINGLE_PAGE_MODE_SCENE).toBe(1154);
    launchOptions.mockReturnValue({ scene: 1154, path: 'pages/index/index', query: {} });
    expect(isSinglePageMode()).toBe(true);
  });

  it('allows login in every other scene', () => {
    for (const scene of [1001, 1007, 1011, 1155, undefined]) {
      launchOptions.mockReturnValue({ scene, path: 'pages/index/index', query: {} });
      expect(isSinglePageMode()).toBe(false);
    }
  });

  it('allows login when the launch options cannot be read', () => {
    launchOptions.mockImplementation(() => {
      throw new Error('not supported');
    });
    expect(isSinglePageMode()).toBe(false);
  });

  it('has no single-page mode on Alipay and H5', () => {
    launchOptions.mockReturnValue({ scene: 1154 });
    expect(neutralIsSinglePageMode()).toBe(false);
  });
});
