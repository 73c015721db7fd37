import { Button, Text, View } from '@tarojs/components';
import './index.scss';

export interface LandingAction {
  label: string;
  onClick: () => void;
  /** The one primary action of the message; the others are secondary. */
  primary?: boolean;
  testId?: string;
}

export interface LandingMessageProps {
  title: string;
  message?: string;
  /** `alert` for an error the user should hear at once. */
  tone?: 'info' | 'warning' | 'error';
  actions?: LandingAction[];
  testId?: string;
}

/** A titled message with the ways on (empty, refused and expired landings, notices). */
export default function LandingMessage({ title, message, tone = 'info', actions = [], testId }: LandingMessageProps) {
  return (
    <View
      className={`landing-message landing-message--${tone}`}
      data-testid={testId ?? 'landing-message'}
      role={tone === 'error' ? 'alert' : undefined}
    >
      <Text className="landing-message__title">{title}</Text>
      {message ? <Text className="landing-message__text">{message}</Text> : null}
      {actions.length > 0 ? (
        <View className="landing-message__actions">
          {actions.map((action) => (
            <Button
              key={action.label}
              className={action.primary ? 'landing-message__primary' : 'landing-message__secondary'}
              data-testid={action.testId}
              onClick={action.onClick}
            >
              {action.label}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}
