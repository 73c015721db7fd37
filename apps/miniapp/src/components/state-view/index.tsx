import { Button, Text, View } from '@tarojs/components';
import './index.scss';

export type StateViewKind = 'loading' | 'empty' | 'error';

export interface StateViewProps {
  kind: StateViewKind;
  /** Overrides the default title of the kind. */
  title?: string;
  /** Extra line below the title, e.g. the error's user-facing message. */
  message?: string;
  /** Shows a “重试” button (error state). */
  onRetry?: () => void;
}

const defaultTitles: Record<StateViewKind, string> = {
  loading: '加载中…',
  empty: '暂无产品',
  error: '加载失败',
};

/** Full-width placeholder for loading, empty and error states. */
export default function StateView({ kind, title, message, onRetry }: StateViewProps) {
  return (
    <View className={`state-view state-view--${kind}`} data-testid={`state-${kind}`}>
      <Text className="state-view__title">{title ?? defaultTitles[kind]}</Text>
      {message ? <Text className="state-view__message">{message}</Text> : null}
      {onRetry ? (
        <Button className="state-view__retry" data-testid="retry" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}
