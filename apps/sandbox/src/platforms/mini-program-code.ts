import QRCode from 'qrcode';

/** WeChat's `scene`: at most 32 visible characters, digits, letters and `!#$&'()*+,/:;=?@-._~`. */
export const SCENE_MAX_LENGTH = 32;
const SCENE_CHARACTERS = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]+$/;

export function isValidScene(scene: unknown): scene is string {
  return typeof scene === 'string' && scene.length <= SCENE_MAX_LENGTH && SCENE_CHARACTERS.test(scene);
}

/** A real, scannable QR code PNG of `text`, `width` pixels wide. */
export function qrPng(text: string, width: number): Promise<Buffer> {
  // pngjs options (qrcode passes them on, and writes into the object: a new one per call). Without
  // the adaptive row filters an image is ~50 KB, about a real code's size, and is encoded ten times
  // faster under jest, whose VM context makes pngjs' byte loops slow.
  const rendererOpts = { deflateLevel: 6, filterType: 0 };
  return QRCode.toBuffer(text, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M', rendererOpts });
}

/** The (China) calendar day of an instant, as the platforms' daily quotas count. */
export function chinaDay(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
