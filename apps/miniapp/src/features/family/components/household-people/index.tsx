import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { graphqlClient } from '../../../../graphql/client';
import {
  LeaveHouseholdDocument,
  RemoveFromHouseholdDocument,
  type HouseholdPersonFieldsFragment,
} from '../../../../graphql/generated/graphql';
import { formatDate } from '../../../../utils/date';
import { PERSON_ROLE_LABELS } from '../../utils/member-display';
import './index.scss';

const toast = (title: string): void => void Taro.showToast({ title, icon: 'none' });

export interface HouseholdPeopleProps {
  householdId: string;
  householdName: string;
  /** The signed-in person joined this household (it is not theirs): they may leave it. */
  joined: boolean;
  people: readonly HouseholdPersonFieldsFragment[];
  /** After someone was removed: reload the households. */
  onChanged: () => void;
  /** After leaving: the household is no longer the person's. */
  onLeft: () => void;
}

/**
 * 家庭账号: the accounts that belong to a household (masked names, role, 你), 移除 for the owner and
 * 退出家庭 for someone who joined, each after confirming.
 */
export default function HouseholdPeople({
  householdId,
  householdName,
  joined,
  people,
  onChanged,
  onLeft,
}: HouseholdPeopleProps) {
  const [busy, setBusy] = useState<string | null>(null);

  const remove = async (person: HouseholdPersonFieldsFragment): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '移除家庭账号',
      content: `确定将 ${person.name} 移出“${householdName}”吗？对方将不能再查看这个家庭，已添加的成员和保单会保留。`,
      confirmText: '移除',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(person.id);
    const { error } = await graphqlClient.execute(RemoveFromHouseholdDocument, { householdId, accountId: person.id });
    setBusy(null);
    if (error) {
      toast(error.message);
      return;
    }
    toast('已移除');
    onChanged();
  };

  const leave = async (): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '退出家庭',
      content: `确定退出“${householdName}”吗？退出后将不能再查看这个家庭，需要对方重新邀请才能加入。你添加的成员和保单会留在这个家庭中。`,
      confirmText: '退出',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy('leave');
    const { error } = await graphqlClient.execute(LeaveHouseholdDocument, { householdId });
    setBusy(null);
    if (error) {
      toast(error.message);
      return;
    }
    toast('已退出家庭');
    onLeft();
  };

  return (
    <View className="household-people" data-testid="household-people">
      <Text className="household-people__title">家庭账号</Text>
      {people.length === 0 ? <Text className="household-people__empty">暂无家庭账号</Text> : null}
      {people.map((person) => (
        <View
          key={person.id}
          className="household-people__row"
          data-testid="household-person"
          aria-label={`${person.name}，${PERSON_ROLE_LABELS[person.role]}${person.isYou ? '，你' : ''}`}
        >
          <View className="household-people__main">
            <View className="household-people__name-row">
              <Text className="household-people__name" data-testid="person-name">
                {person.name}
              </Text>
              {person.isYou ? (
                <Text className="household-people__you" data-testid="person-you">
                  你
                </Text>
              ) : null}
            </View>
            <Text className="household-people__meta">
              <Text data-testid="person-role">{PERSON_ROLE_LABELS[person.role]}</Text>
              {person.role !== 'OWNER' ? ` · ${formatDate(person.joinedAt)} 加入` : ''}
            </Text>
          </View>
          {person.canRemove && !person.isYou ? (
            <Button
              className="household-people__remove"
              data-testid="person-remove"
              loading={busy === person.id || undefined}
              disabled={busy !== null || undefined}
              onClick={() => void remove(person)}
            >
              移除
            </Button>
          ) : null}
        </View>
      ))}
      {joined ? (
        <Button
          className="household-people__leave"
          data-testid="leave-household"
          loading={busy === 'leave' || undefined}
          disabled={busy !== null || undefined}
          onClick={() => void leave()}
        >
          退出家庭
        </Button>
      ) : null}
    </View>
  );
}
