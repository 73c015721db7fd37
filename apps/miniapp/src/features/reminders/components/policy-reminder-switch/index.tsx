import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { graphqlClient } from '../../../../graphql/client';
import { PolicyRemindersDocument, SetPolicyRemindersEnabledDocument } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import Toggle from '../toggle';
import './index.scss';

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

/** The policy page's switch: whether the signed-in person is reminded of this policy's events. */
export default function PolicyReminderSwitch({ policyId }: { policyId: string }) {
  const { state, reload } = useQuery(PolicyRemindersDocument, { id: policyId });
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setEnabled(state.data?.policy.remindersEnabled ?? null), [state.data]);

  const change = async (next: boolean): Promise<void> => {
    setBusy(true);
    const { data, error } = await graphqlClient.execute(SetPolicyRemindersEnabledDocument, {
      policyId,
      enabled: next,
    });
    setBusy(false);
    if (!data || error) {
      toast(error?.message ?? '设置失败，请稍后重试');
      return;
    }
    setEnabled(data.setPolicyRemindersEnabled);
    toast(next ? '已开启这份保单的提醒' : '已关闭这份保单的提醒');
  };

  return (
    <View className="policy-reminders" data-testid="policy-reminders">
      <View className="policy-reminders__main">
        <Text className="policy-reminders__title">这份保单的提醒</Text>
        <Text className="policy-reminders__note">
          {enabled === null
            ? state.status === 'error'
              ? (state.error?.message ?? '加载失败')
              : '加载中…'
            : enabled
              ? '交费、到期等会提醒你；全部提醒的开关在“我的”。'
              : '已关闭：不会收到这份保单的提醒。'}
        </Text>
        {enabled === null && state.status === 'error' ? (
          <Button className="policy-reminders__retry" size="mini" onClick={() => void reload()}>
            重试
          </Button>
        ) : null}
      </View>
      {enabled !== null ? (
        <Toggle
          checked={enabled}
          label="这份保单的提醒"
          disabled={busy}
          testId="policy-reminders-switch"
          onChange={(next) => void change(next)}
        />
      ) : null}
    </View>
  );
}
