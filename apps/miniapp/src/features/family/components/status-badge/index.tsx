import { Text } from '@tarojs/components';
import type { Tone } from '../../utils/policy-display';
import './index.scss';

export interface StatusBadgeProps {
  tone: Tone;
  /** The status in words: the colour only repeats it. */
  text: string;
  /** A short mark before the words (✓, !, ×), hidden from screen readers. */
  mark?: string;
  testId?: string;
}

/** A status in words on a tinted background (保障中, 已失效, 宽限期中…); every tone meets AA. */
export default function StatusBadge({ tone, text, mark, testId }: StatusBadgeProps) {
  return (
    <Text className={`status-badge status-badge--${tone}`} data-testid={testId} data-tone={tone}>
      {mark ? (
        <Text className="status-badge__mark" aria-hidden="true">
          {mark}{' '}
        </Text>
      ) : null}
      {text}
    </Text>
  );
}
