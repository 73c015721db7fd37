/**
 * Launch scenes (场景值). Only WeChat has a mode without login: a page opened from Moments runs in
 * single-page mode (scene 1154) until the user taps through to the full mini-program. On Alipay and
 * H5 there is no such mode (Taro uses `scene.weapp.ts` for WeChat builds).
 */

/** WeChat's scene value of a page opened from Moments (朋友圈单页模式). */
export const SINGLE_PAGE_MODE_SCENE = 1154;

/** Whether the app runs in a mode where login must not be attempted. */
export function isSinglePageMode(): boolean {
  return false;
}
