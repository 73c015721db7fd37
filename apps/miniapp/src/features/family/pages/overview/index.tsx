import { Button, ScrollView, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { chinaToday } from '@family/domain';
import { useRef } from 'react';
import StateView from '../../../../components/state-view';
import { FamilyOverviewDocument, type FamilyOverviewQuery } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { useSignedIn } from '../../../../session/useSignedIn';
import { routeParam } from '../../../../utils/route-param';
import { daysUntilText, ReminderPrompt, upcomingStatus } from '../../../reminders';
import SignInNeeded from '../../components/sign-in-needed';
import StatusBadge from '../../components/status-badge';
import { gapsUrl, policyPageUrl } from '../../routes';
import { formatYuanExact } from '../../utils/money-input';
import { CELL_LEGEND, DUE_STATE_LABELS, formatDaysLeft, matrixLayout } from '../../utils/overview';
import { INSTALLMENT_TONES } from '../../utils/policy-display';
import './index.scss';

type Household = FamilyOverviewQuery['household'];

/**
 * 家庭保障总览 (F3, `?householdId=`): who is covered for what (member × category, sums insured in 万元,
 * gaps marked), what the cover costs a year, payments due within 90 days, policies ending soon, and
 * the reminders of the next 30 days (已提醒 once sent to the signed-in person).
 */
export default function OverviewPage() {
  const householdId = routeParam(useRouter().params.householdId);
  const signedIn = useSignedIn();
  if (!signedIn) return <SignInNeeded />;
  if (!householdId) return <StateView kind="empty" title="未找到这个家庭" />;
  return <OverviewLoader householdId={householdId} />;
}

function OverviewLoader({ householdId }: { householdId: string }) {
  const { state, reload } = useQuery(FamilyOverviewDocument, { householdId });
  const loaded = useRef(false);
  loaded.current = state.data !== null;
  // Back from a policy page (ended, removed) or from adding one: show the new figures.
  useDidShow(() => {
    if (loaded.current) void reload();
  });

  if (state.data === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" />
    );
  }
  return <Overview household={state.data.household} />;
}

const go = (url: string) => (): void => void Taro.navigateTo({ url });

function Overview({ household }: { household: Household }) {
  const { overview } = household;
  const layout = matrixLayout(overview);

  if (overview.rows.length === 0) {
    return <StateView kind="empty" title="还没有家庭成员" message="先在“我家”添加本人和家人，再添加保单。" />;
  }

  return (
    <View className="overview" data-testid="overview">
      <View className="overview__stats">
        <View className="overview__stat">
          <Text className="overview__stat-value" data-testid="overview-active-count">
            {overview.activePolicyCount}
          </Text>
          <Text className="overview__stat-label">份保单保障中</Text>
        </View>
        <View className="overview__stat">
          <Text className="overview__stat-value" data-testid="overview-annual-premium">
            {formatYuanExact(overview.totalAnnualPremium)}
          </Text>
          <Text className="overview__stat-label">每年保费合计</Text>
        </View>
      </View>

      {overview.activePolicyCount === 0 ? (
        <View className="overview__card">
          <StateView
            kind="empty"
            title="还没有保单"
            message="在家人的页面添加已有的保单，这里会显示每个人的保障、每年保费和近期缴费。已终止或失效的保单不计入。"
          />
        </View>
      ) : null}

      <View className="overview__card" data-testid="coverage-matrix">
        <View className="overview__section-header">
          <Text className="overview__section-title">谁有什么保障</Text>
          <Text className="overview__section-note">保额单位：万元</Text>
        </View>
        <ScrollView className="overview__matrix-scroll" scrollX>
          <View className="overview__matrix" role="table" aria-label="家庭成员与险种的保障情况">
            <View className="overview__matrix-row" role="row">
              <View className="overview__corner" role="columnheader">
                <Text>险种</Text>
              </View>
              {layout.columns.map((column) => (
                <View key={column.memberId} className="overview__member" role="columnheader">
                  <Text className="overview__member-relationship">{column.relationshipLabel}</Text>
                  <Text className="overview__member-name">{column.name}</Text>
                </View>
              ))}
            </View>
            {layout.rows.map((row) => (
              <View key={row.category} className="overview__matrix-row" role="row">
                <View className="overview__category" role="rowheader">
                  <Text>{row.label}</Text>
                </View>
                {row.cells.map((cell) => (
                  <View
                    key={cell.key}
                    className={`overview__cell overview__cell--${cell.kind}`}
                    data-testid="matrix-cell"
                    data-kind={cell.kind}
                    role="cell"
                    aria-label={cell.label}
                  >
                    <Text className="overview__cell-text" aria-hidden="true">
                      {cell.text}
                    </Text>
                    {cell.note ? (
                      <Text className="overview__cell-note" aria-hidden="true">
                        {cell.note}
                      </Text>
                    ) : null}
                  </View>
                ))}
              </View>
            ))}
          </View>
        </ScrollView>
        <View className="overview__legend" aria-hidden="true">
          {CELL_LEGEND.map((entry) => (
            <View key={entry.kind} className="overview__legend-item">
              <Text className={`overview__legend-sample overview__cell--${entry.kind}`}>{entry.sample}</Text>
              <Text className="overview__legend-text">{entry.text}</Text>
            </View>
          ))}
        </View>
        {layout.gapCount > 0 ? (
          <Button className="overview__gaps" data-testid="overview-open-gaps" onClick={go(gapsUrl(household.id))}>
            查看 {layout.gapCount} 项保障缺口和建议
          </Button>
        ) : (
          <Text className="overview__ok">按年龄和收入估算，暂无明显的保障缺口。</Text>
        )}
      </View>

      <View className="overview__card" data-testid="payments-due">
        <Text className="overview__section-title">90 天内要缴的保费</Text>
        {overview.paymentsDue.length === 0 ? (
          <Text className="overview__empty">90 天内没有要缴的保费。</Text>
        ) : (
          overview.paymentsDue.map((payment) => (
            <View
              key={`${payment.policyId}-${payment.dueDate}`}
              className="overview__item"
              data-testid="payment-due"
              role="button"
              aria-label={`${payment.dueDate}，${payment.memberName}，${payment.productName}，${formatYuanExact(payment.amount)}，${
                DUE_STATE_LABELS[payment.state] ?? ''
              }。查看保单`}
              onClick={go(policyPageUrl(payment.policyId))}
            >
              <View className="overview__item-main">
                <Text className="overview__item-title">{payment.dueDate}</Text>
                <Text className="overview__item-text">
                  {payment.memberName} · {payment.productName}
                </Text>
              </View>
              <View className="overview__item-side">
                <Text className="overview__amount">{formatYuanExact(payment.amount)}</Text>
                {DUE_STATE_LABELS[payment.state] ? (
                  <StatusBadge tone={INSTALLMENT_TONES[payment.state]} text={DUE_STATE_LABELS[payment.state] ?? ''} />
                ) : null}
              </View>
            </View>
          ))
        )}
      </View>

      <UpcomingReminders household={household} />

      <View className="overview__card" data-testid="ending-soon">
        <Text className="overview__section-title">即将到期或变化</Text>
        {overview.endingSoon.length === 0 ? (
          <Text className="overview__empty">90 天内没有到期、失效或犹豫期、等待期结束的保单。</Text>
        ) : (
          overview.endingSoon.map((ending) => (
            <View
              key={`${ending.policyId}-${ending.kind}`}
              className="overview__item"
              data-testid="ending-item"
              role="button"
              aria-label={`${ending.label}，${formatDaysLeft(ending.daysLeft)}（${ending.date}），${ending.memberName}，${ending.productName}。查看保单`}
              onClick={go(policyPageUrl(ending.policyId))}
            >
              <View className="overview__item-main">
                <Text className="overview__item-title">{ending.label}</Text>
                <Text className="overview__item-text">
                  {ending.memberName} · {ending.productName}
                </Text>
              </View>
              <View className="overview__item-side">
                <Text
                  className={`overview__days${ending.kind === 'LAPSING' || ending.daysLeft <= 7 ? ' overview__days--urgent' : ''}`}
                >
                  {formatDaysLeft(ending.daysLeft)}
                </Text>
                <Text className="overview__date">{ending.date}</Text>
              </View>
            </View>
          ))
        )}
      </View>
    </View>
  );
}

function UpcomingReminders({ household }: { household: Household }) {
  const reminders = household.upcomingReminders;
  const today = chinaToday(Date.now());
  const delivered = reminders.some((reminder) => reminder.delivered);
  return (
    <>
      {delivered ? <ReminderPrompt title="已为你发送提醒，继续接收后续提醒？" hideWhenCovered /> : null}
      <View className="overview__card" data-testid="upcoming-reminders">
        <Text className="overview__section-title">30 天内的提醒</Text>
        {household.role === 'VIEWER' ? (
          <Text className="overview__empty">你是这个家庭的查看者，不会收到它的保单提醒。</Text>
        ) : reminders.length === 0 ? (
          <Text className="overview__empty">30 天内没有要提醒的交费、到期或犹豫期、等待期结束。</Text>
        ) : (
          reminders.map((reminder) => {
            const status = upcomingStatus(reminder, today);
            const amount =
              reminder.amount !== null && reminder.amount !== undefined ? formatYuanExact(reminder.amount) : null;
            return (
              <View
                key={reminder.key}
                className="overview__item"
                data-testid="upcoming-reminder"
                data-kind={reminder.kind}
                role="button"
                aria-label={`${reminder.label}，${reminder.memberName}，${reminder.productName}，${reminder.date}${
                  amount ? `，${amount}` : ''
                }，${status.text}。查看保单`}
                onClick={go(policyPageUrl(reminder.policyId))}
              >
                <View className="overview__item-main">
                  <Text className="overview__item-title">{reminder.label}</Text>
                  <Text className="overview__item-text">
                    {reminder.memberName} · {reminder.productName}
                  </Text>
                  <Text className="overview__item-text">
                    {reminder.date}（{daysUntilText(reminder.daysUntil)}）{amount ? ` · ${amount}` : ''}
                  </Text>
                </View>
                <View className="overview__item-side">
                  <Text
                    className={`overview__reminder overview__reminder--${status.tone}`}
                    data-testid="upcoming-reminder-status"
                  >
                    {status.text}
                  </Text>
                </View>
              </View>
            );
          })
        )}
      </View>
    </>
  );
}
