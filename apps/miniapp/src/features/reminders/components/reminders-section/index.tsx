import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { LOGIN_PLATFORM } from '../../../../platform/login';
import { SUBSCRIPTION_MESSAGES } from '../../../../platform/subscribe';
import { useReminderSettings } from '../../hooks/useReminderSettings';
import { channelName, remainingText } from '../../utils/reminders';
import Toggle from '../toggle';
import './index.scss';

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/**
 * 我的 → 到期和缴费提醒: what the person will be reminded of (each template with what is left of it on
 * WeChat and Alipay; the bound phone on H5), their switch, and subscribing to more.
 */
export default function RemindersSection() {
  const { state, settings, busy, reload, subscribe, setEnabled } = useReminderSettings();
  const channel = channelName(LOGIN_PLATFORM);

  const toggle = (enabled: boolean): void => {
    void setEnabled(enabled).then((error) => toast(error ?? (enabled ? '已开启提醒' : '已关闭提醒')));
  };
  // Straight from the tap: the platform's dialog opens inside `subscribe`.
  const more = (): void => void subscribe().then(toast);

  return (
    <View className="reminders" data-testid="reminder-settings">
      <View className="reminders__header">
        <Text className="reminders__title">到期和缴费提醒</Text>
        {settings ? (
          <Toggle
            checked={settings.enabled}
            label="到期和缴费提醒"
            disabled={busy}
            testId="reminders-switch"
            onChange={toggle}
          />
        ) : null}
      </View>
      {settings === null ? (
        state.status === 'error' ? (
          <View className="reminders__state" data-testid="reminders-error">
            <Text className="reminders__error">{state.error?.message ?? '提醒设置加载失败'}</Text>
            <Button className="reminders__link" size="mini" onClick={() => void reload()}>
              重试
            </Button>
          </View>
        ) : (
          <Text className="reminders__note" data-testid="reminders-loading">
            正在加载提醒设置…
          </Text>
        )
      ) : (
        <View className="reminders__body">
          <Text className="reminders__note">
            {settings.enabled
              ? '保费交费前 7 天和 1 天、保单到期前 30 天和 7 天、犹豫期和等待期结束时提醒你。'
              : '已关闭：不会收到任何保单提醒。'}
          </Text>
          {SUBSCRIPTION_MESSAGES ? (
            <>
              {settings.templates.length === 0 ? (
                <Text className="reminders__note" data-testid="reminders-empty">
                  暂无可订阅的提醒
                </Text>
              ) : (
                <View className="reminders__list" role="list" aria-label={`${channel}消息提醒`}>
                  {settings.templates.map((template) => (
                    <View
                      key={template.id}
                      className="reminders__row"
                      role="listitem"
                      data-testid="reminder-template"
                      aria-label={`${template.title}，${remainingText(template.remaining)}`}
                    >
                      <Text className="reminders__label">{template.title}</Text>
                      <Text className={`reminders__count${template.remaining > 0 ? ' reminders__count--on' : ''}`}>
                        {remainingText(template.remaining)}
                      </Text>
                    </View>
                  ))}
                </View>
              )}
              <Text className="reminders__hint">{channel}每次允许可收到一条同类提醒，多次订阅可累计次数。</Text>
              <Button
                className="reminders__subscribe"
                data-testid="reminders-subscribe"
                disabled={busy || settings.templates.length === 0 || undefined}
                onClick={more}
              >
                订阅更多提醒
              </Button>
            </>
          ) : (
            <Text className="reminders__note" data-testid="reminders-sms">
              网页版的提醒以短信发送到你绑定的手机号，无需订阅。
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
