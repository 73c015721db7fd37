/**
 * Privacy consent on the platform (P2). On Alipay and H5 (this neutral file) the platform asks
 * nothing itself: our own consent sheet is the only consent, remembered on the device
 * (`storage.ts`) and recorded on the BFF (`agreePrivacyPolicy`) once signed in. WeChat builds use
 * `privacy.weapp.ts`, where the platform's own privacy authorisation must be agreed as well.
 */

/** `open-type` of the sheet's agree button: none here. */
export const PRIVACY_AGREE_OPEN_TYPE: 'agreePrivacyAuthorization' | undefined = undefined;

/** `id` of the sheet's agree button (WeChat checks that this button was tapped). */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree';

/** Answers a platform's request for consent: true when the user agreed on our sheet. */
export type PrivacyAnswer = (agreed: boolean) => void;

/** Whether the platform itself still waits for the user's privacy authorisation. */
export function platformNeedsPrivacyAuthorization(): Promise<boolean> {
  return Promise.resolve(false);
}

/**
 * Called when a privacy-related API waits for consent (WeChat only); the listener shows the sheet
 * and answers. Returns the unsubscribe function.
 */
export function onPlatformPrivacyRequest(_listener: (answer: PrivacyAnswer) => void): () => void {
  return () => undefined;
}
