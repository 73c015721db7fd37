import { Text, View } from '@tarojs/components';
import './index.scss';

export interface ToggleProps {
  checked: boolean;
  /** Read by screen readers with the state (开 / 关). */
  label: string;
  disabled?: boolean;
  testId?: string;
  onChange: (checked: boolean) => void;
}

/** An on/off switch with its state in words beside it (not colour alone), announced as a switch. */
export default function Toggle({ checked, label, disabled, testId, onChange }: ToggleProps) {
  return (
    <View
      className={`toggle${checked ? ' toggle--on' : ''}${disabled ? ' toggle--disabled' : ''}`}
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-disabled={disabled || undefined}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={() => {
        if (!disabled) onChange(!checked);
      }}
    >
      <Text className="toggle__text" aria-hidden="true">
        {checked ? '已开启' : '已关闭'}
      </Text>
      <View className="toggle__track" aria-hidden="true">
        <View className="toggle__thumb" />
      </View>
    </View>
  );
}
