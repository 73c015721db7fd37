import { Button, Canvas, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { CAN_SAVE_TO_ALBUM, saveToAlbum } from '../../platform/album';
import { PlatformError } from '../../platform/platform-error';
import StateView from '../state-view';
import { posterAlt, type PosterKind } from './layout';
import { drawPoster, NEEDS_CANVAS_ELEMENT, PosterImageError } from './surface';
import './index.scss';

export type { PosterKind } from './layout';

export interface PosterProps {
  kind: PosterKind;
  title: string;
  lines: string[];
  footer: string;
  /** The mini-program code / QR code image of the invite. */
  codeImageUrl: string;
  /** Width in CSS px (default 300). */
  width?: number;
  /** Alt text; by default the poster's content in words. */
  alt?: string;
  /**
   * WeChat: settles the privacy consent before saving (the page's
   * `usePrivacyConsent().ensureConsent`, with its `<PrivacySheet>` rendered).
   */
  ensureConsent?: () => Promise<boolean>;
}

type PosterState = { status: 'drawing' } | { status: 'error'; message: string } | { status: 'done'; src: string };

let posterCount = 0;

/**
 * A share poster (product card or family invite) with the invite's code. Mini-programs draw it on
 * a Canvas 2D kept off screen, show the exported image and offer 保存到相册; H5 shows it as an
 * `<img>` to long-press. States: drawing, error (retry), done.
 */
export default function Poster({
  kind,
  title,
  lines,
  footer,
  codeImageUrl,
  width = 300,
  alt,
  ensureConsent,
}: PosterProps) {
  const canvasId = useMemo(() => `poster-canvas-${++posterCount}`, []);
  const [state, setState] = useState<PosterState>({ status: 'drawing' });
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const description = alt ?? posterAlt({ kind, title, lines, footer });
  // Redraw when the content changes (not when the parent passes an equal new `lines` array).
  const contentKey = JSON.stringify([kind, title, lines, footer, codeImageUrl, width]);

  useEffect(() => {
    let current = true;
    setState({ status: 'drawing' });
    // Let the canvas mount before it is looked up.
    const timer = setTimeout(() => {
      drawPoster(canvasId, { kind, title, lines, footer, codeImageUrl, width })
        .then(({ src }) => current && setState({ status: 'done', src }))
        .catch((error: unknown) => {
          console.warn('poster: drawing failed', error);
          if (!current) return;
          setState({
            status: 'error',
            message:
              error instanceof PosterImageError ? '小程序码图片加载失败，请检查网络后重试' : '海报绘制失败，请稍后重试',
          });
        });
    }, 0);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `contentKey` stands for the content props read above.
  }, [canvasId, contentKey, attempt]);

  const save = async (): Promise<void> => {
    if (state.status !== 'done' || saving) return;
    setSaving(true);
    try {
      const result = await saveToAlbum(state.src, { ensureConsent });
      if (result === 'saved') void Taro.showToast({ title: '已保存到相册', icon: 'success' });
    } catch (error) {
      const message = error instanceof PlatformError ? error.message : '保存失败，请稍后重试';
      void Taro.showToast({ title: message, icon: 'none' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="poster" data-testid="poster">
      {NEEDS_CANVAS_ELEMENT ? (
        <Canvas
          type="2d"
          id={canvasId}
          className="poster__canvas"
          style={{ width: `${width}px`, height: `${width * 2}px` }}
        />
      ) : null}
      {state.status === 'drawing' ? <StateView kind="loading" title="海报生成中…" /> : null}
      {state.status === 'error' ? (
        <StateView
          kind="error"
          title="海报生成失败"
          message={state.message}
          onRetry={() => setAttempt((value) => value + 1)}
        />
      ) : null}
      {state.status === 'done' ? (
        <View className="poster__result">
          {process.env.TARO_ENV === 'h5' ? (
            <img className="poster__image" src={state.src} alt={description} style={{ width: `${width}px` }} />
          ) : (
            <Image
              className="poster__image"
              src={state.src}
              mode="widthFix"
              showMenuByLongpress
              ariaLabel={description}
              style={{ width: `${width}px` }}
            />
          )}
          {CAN_SAVE_TO_ALBUM ? (
            <Button className="poster__save" loading={saving} disabled={saving} onClick={() => void save()}>
              {saving ? '保存中…' : '保存到相册'}
            </Button>
          ) : (
            <Text className="poster__hint">长按图片保存或分享</Text>
          )}
        </View>
      ) : null}
    </View>
  );
}
