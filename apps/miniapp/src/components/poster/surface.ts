import Taro from '@tarojs/taro';
import { layoutPoster, type PosterInput, type PosterLayout } from './layout';
import { contextMeasure, paintPoster, type PosterContext } from './paint';

/**
 * Mini-programs (WeChat, Alipay): the poster is drawn on the page's `<Canvas type="2d" id=…>`
 * (found with `createSelectorQuery().select('#id').fields({ node: true, size: true })`), the code
 * image loaded with `canvas.createImage()`, then exported with `canvasToTempFilePath` (Alipay:
 * `canvas.toTempFilePath`) to a temp file that `saveToAlbum` saves. H5 builds `surface.h5.ts`.
 * A network code image must come from a domain in the mini-program's downloadFile list.
 */

/** Whether the component must render a `<Canvas type="2d">` to draw on. */
export const NEEDS_CANVAS_ELEMENT = true;

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
  createImage(): { onload: (() => void) | null; onerror: ((error: unknown) => void) | null; src: string };
  toTempFilePath?: (options: {
    fileType?: string;
    success?: (result: { tempFilePath?: string; filePath?: string; apFilePath?: string }) => void;
    fail?: (error: unknown) => void;
  }) => void;
}

/** What to show: the image source (a temp file or a data URL), and the layout drawn. */
export interface PosterDrawing {
  src: string;
  layout: PosterLayout;
}

/** The code image could not be loaded (network, domain not allowed, CORS): retrying may help. */
export class PosterImageError extends Error {}

function pixelRatio(): number {
  try {
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync();
    return Math.min(Math.max(info.pixelRatio || 2, 1), 3);
  } catch {
    return 2;
  }
}

function findCanvas(canvasId: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((results: { node?: CanvasNode }[]) => {
        const node = results?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error(`poster: canvas #${canvasId} not found`));
      });
  });
}

function loadImage(canvas: CanvasNode, url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage();
    image.onload = () => resolve(image);
    image.onerror = (error) => reject(new PosterImageError(`poster: code image failed: ${String(error)}`));
    image.src = url;
  });
}

function exportCanvas(canvas: CanvasNode): Promise<string> {
  if (process.env.TARO_ENV === 'alipay' && typeof canvas.toTempFilePath === 'function') {
    const toTempFilePath = canvas.toTempFilePath.bind(canvas);
    return new Promise((resolve, reject) =>
      toTempFilePath({
        fileType: 'png',
        success: (result) => {
          const path = result.tempFilePath ?? result.filePath ?? result.apFilePath;
          if (path) resolve(path);
          else reject(new Error('poster: toTempFilePath gave no path'));
        },
        fail: reject,
      }),
    );
  }
  return Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png' }).then(
    (result) => result.tempFilePath,
  );
}

/** Lays out and draws the poster on the canvas `#canvasId`; resolves the exported image. */
export async function drawPoster(canvasId: string, input: PosterInput): Promise<PosterDrawing> {
  const canvas = await findCanvas(canvasId);
  const context = canvas.getContext('2d') as PosterContext;
  const layout = layoutPoster(input, contextMeasure(context));
  const codeImage = await loadImage(canvas, input.codeImageUrl);
  const ratio = pixelRatio();
  // Resizing clears the canvas and resets the context: size first, then scale and draw.
  canvas.width = Math.round(layout.width * ratio);
  canvas.height = Math.round(layout.height * ratio);
  context.scale(ratio, ratio);
  paintPoster(context, layout, codeImage);
  return { src: await exportCanvas(canvas), layout };
}
