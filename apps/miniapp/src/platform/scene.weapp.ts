import Taro from '@tarojs/taro';

/**
 * WeChat: a page shared to Moments opens in single-page mode (scene 1154): no login, no tab bar, no
 * navigation until the user taps 前往小程序, which starts the full mini-program with another scene.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share-timeline.html
 */

/** WeChat's scene value of a page opened from Moments (朋友圈单页模式). */
export const SINGLE_PAGE_MODE_SCENE = 1154;

/** Whether the app runs in a mode where login must not be attempted. */
export function isSinglePageMode(): boolean {
  try {
    return Taro.getLaunchOptionsSync().scene === SINGLE_PAGE_MODE_SCENE;
  } catch {
    return false;
  }
}
