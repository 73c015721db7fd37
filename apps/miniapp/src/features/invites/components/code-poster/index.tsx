import { View } from '@tarojs/components';
import Poster, { type PosterKind } from '../../../../components/poster';
import StateView from '../../../../components/state-view';
import { useCodeImage } from '../../hooks/useCodeImage';

export interface CodePosterProps {
  inviteId: string;
  kind: PosterKind;
  title: string;
  lines: string[];
  footer: string;
  ensureConsent: () => Promise<boolean>;
}

/**
 * The share poster of an invite: downloads its code image (the sharer's token), then draws the
 * poster. A failed download shows an error with 重试; the rest of the share page does not wait.
 */
export default function CodePoster({ inviteId, kind, title, lines, footer, ensureConsent }: CodePosterProps) {
  const { state, retry } = useCodeImage(inviteId);
  return (
    <View className="code-poster" data-testid="code-poster">
      {state.status === 'loading' ? <StateView kind="loading" title="小程序码加载中…" /> : null}
      {state.status === 'error' ? (
        <StateView
          kind="error"
          title="海报生成失败"
          message="小程序码加载失败，请检查网络后重试；也可以直接点击上方按钮分享。"
          onRetry={retry}
        />
      ) : null}
      {state.status === 'ready' ? (
        <Poster
          kind={kind}
          title={title}
          lines={lines}
          footer={footer}
          codeImageUrl={state.src}
          ensureConsent={ensureConsent}
        />
      ) : null}
    </View>
  );
}
