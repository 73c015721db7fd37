import Taro from '@tarojs/taro';

/**
 * WeChat privacy authorisation (用户隐私保护指引, base library ≥ 2.32.3): before a privacy-related API
 * (phone number, location, clipboard, album…) works, the user must agree to the app's privacy
 * guideline, by tapping a button with `open-type="agreePrivacyAuthorization"`.
 * - `wx.getPrivacySetting` says whether that agreement is still missing;
 * - `wx.onNeedPrivacyAuthorization` fires when an API is called without it: the API waits until the
 *   listener resolves with `agree` (naming the button that was tapped) or `disagree`.
 * Our sheet (components/privacy-sheet) shows that button, so one tap agrees to both WeChat's
 * guideline and our policy.
 */

/** `open-type` of the sheet's agree button. */
export const PRIVACY_AGREE_OPEN_TYPE: 'agreePrivacyAuthorization' | undefined = 'agreePrivacyAuthorization';

/** `id` of the sheet's agree button (WeChat checks that this button was tapped). */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** Answers a platform's request for consent: true when the user agreed on our sheet. */
export type PrivacyAnswer = (agreed: boolean) => void;

/** Whether WeChat still waits for the user's privacy authorisation. */
export function platformNeedsPrivacyAuthorization(): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    try {
      Taro.getPrivacySetting({
        success: (result) => resolve(result.needAuthorization),
        // Base library too old for the API: it has no privacy authorisation either.
        fail: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });
}

const listeners = new Set<(answer: PrivacyAnswer) => void>();
let registered = false;

/**
 * Called when a privacy-related API waits for consent; the listener shows the sheet and answers.
 * WeChat keeps one handler for the whole app, so it is registered once and passes each request to
 * the newest listener (the page on screen). Returns the unsubscribe function.
 */
export function onPlatformPrivacyRequest(listener: (answer: PrivacyAnswer) => void): () => void {
  listeners.add(listener);
  if (!registered && typeof Taro.onNeedPrivacyAuthorization === 'function') {
    registered = true;
    Taro.onNeedPrivacyAuthorization((resolve) => {
      const newest = [...listeners].pop();
      if (!newest) {
        // No page can show the sheet: the waiting API fails instead of hanging.
        resolve({ event: 'disagree' });
        return;
      }
      resolve({ event: 'exposureAuthorization' });
      newest((agreed) =>
        resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }),
      );
    });
  }
  return () => listeners.delete(listener);
}
