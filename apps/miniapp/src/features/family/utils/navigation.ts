import Taro from '@tarojs/taro';
import { FAMILY_PAGE } from '../routes';

/**
 * Leaves a family page for the one before it, which reloads when shown; when the page was opened
 * on its own (a shared link, a reload on H5), for the family tab.
 */
export function leavePage(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: FAMILY_PAGE });
}
