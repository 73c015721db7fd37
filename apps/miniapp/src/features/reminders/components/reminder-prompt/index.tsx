import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { LOGIN_PLATFORM } from '../../../../platform/login';
import { SUBSCRIPTION_MESSAGES } from '../../../../platform/subscribe';
import { useReminderSettings } from '../../hooks/useReminderSettings';
import { channelName, templatesWithoutSubscription } from '../../utils/reminders';
import './index.scss';

export interface ReminderPromptProps {
  /** Why now, e.g. “保单已添加” or “已为你发送提醒”. */
  title: string;
  /** The person answered (or chose 暂不): the page moves on. */
  onDone?: () => void;
  /**
   * Say nothing when there is nothing to ask for: reminders on and, on WeChat and Alipay, every
   * template with a subscription left (on H5 the SMS reminders need no asking).
   */
  hideWhenCovered?: boolean;
  /** With `hideWhenCovered`: called once it is known that nothing needs asking (the page moves on). */
  onCovered?: () => void;
}

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/**
 * “开启提醒”: asked at natural moments (after adding a policy, after a reminder was delivered), on a
 * tap. On WeChat and Alipay the tap opens the platform's subscription dialog with the templates
 * fetched when the prompt appeared; on H5 it turns on the SMS reminders to the bound phone.
 */
export default function ReminderPrompt({ title, onDone, hideWhenCovered = false, onCovered }: ReminderPromptProps) {
  const { state, settings, busy, reload, subscribe } = useReminderSettings();
  const channel = channelName(LOGIN_PLATFORM);
  const covered =
    settings !== null &&
    settings.enabled &&
    (!SUBSCRIPTION_MESSAGES || templatesWithoutSubscription(settings.templates) === 0);
  // Whether it was covered when the settings arrived: answering the prompt does not hide it mid-way.
  const [coveredAtFirst, setCoveredAtFirst] = useState<boolean | null>(null);
  useEffect(() => {
    if (coveredAtFirst === null && settings !== null) setCoveredAtFirst(covered);
  }, [coveredAtFirst, settings, covered]);
  useEffect(() => {
    if (hideWhenCovered && coveredAtFirst === true) onCovered?.();
  }, [hideWhenCovered, coveredAtFirst, onCovered]);

  if (settings === null) {
    if (state.status === 'error') {
      return (
        <View className="reminder-prompt" data-testid="reminder-prompt">
          <Text className="reminder-prompt__title">{title}</Text>
          <Text className="reminder-prompt__error">{state.error?.message ?? '提醒设置加载失败'}</Text>
          <View className="reminder-prompt__actions">
            <Button className="reminder-prompt__later" onClick={() => void reload()}>
              重试
            </Button>
            {onDone ? (
              <Button className="reminder-prompt__later" onClick={onDone}>
                暂不
              </Button>
            ) : null}
          </View>
        </View>
      );
    }
    return (
      <View className="reminder-prompt" data-testid="reminder-prompt-loading">
        <Text className="reminder-prompt__note">正在加载提醒设置…</Text>
      </View>
    );
  }

  if (hideWhenCovered && coveredAtFirst !== false) return null;
  if (SUBSCRIPTION_MESSAGES && settings.templates.length === 0) {
    return onDone ? (
      <View className="reminder-prompt" data-testid="reminder-prompt">
        <Text className="reminder-prompt__title">{title}</Text>
        <Button className="reminder-prompt__later" onClick={onDone}>
          返回
        </Button>
      </View>
    ) : null;
  }

  // Straight from the tap: the platform's dialog opens inside `subscribe`.
  const enable = (): void => {
    void subscribe().then((message) => {
      toast(message);
      onDone?.();
    });
  };

  return (
    <View className="reminder-prompt" data-testid="reminder-prompt">
      <Text className="reminder-prompt__title">{title}</Text>
      <Text className="reminder-prompt__note">
        {SUBSCRIPTION_MESSAGES
          ? `开启后，保费交费前、保单到期前等会通过${channel}消息提醒你。${channel}每次允许可收到一条同类提醒。`
          : settings.enabled
            ? '保费交费前、保单到期前等，会以短信提醒到你绑定的手机号。'
            : '你已关闭提醒。开启后，保费交费前、保单到期前等会以短信提醒到你绑定的手机号。'}
      </Text>
      <View className="reminder-prompt__actions">
        <Button
          className="reminder-prompt__enable"
          data-testid="reminder-prompt-enable"
          loading={busy || undefined}
          disabled={busy || undefined}
          onClick={enable}
        >
          {SUBSCRIPTION_MESSAGES ? '开启提醒' : settings.enabled ? '好的，短信提醒我' : '开启短信提醒'}
        </Button>
        {onDone ? (
          <Button className="reminder-prompt__later" data-testid="reminder-prompt-later" onClick={onDone}>
            暂不
          </Button>
        ) : null}
      </View>
    </View>
  );
}
