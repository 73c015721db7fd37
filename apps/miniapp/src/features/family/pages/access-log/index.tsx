import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import StateView from '../../../../components/state-view';
import { graphqlClient } from '../../../../graphql/client';
import { HouseholdAccessLogDocument } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { useSignedIn } from '../../../../session/useSignedIn';
import { routeParam } from '../../../../utils/route-param';
import SignInNeeded from '../../components/sign-in-needed';
import { type ShownLog, appendPage, groupAccessLogByDay, shownLog } from '../../utils/access-log';
import './index.scss';

const PAGE_SIZE = 20;
const NOTHING_MORE: ShownLog = { entries: [], endCursor: null, hasNextPage: false };

/**
 * 谁看过我家 (`?householdId=`, the owner only): who read or changed the household's personal data and
 * when, newest first, by day; the BFF keeps entries for 180 days at least.
 */
export default function AccessLogPage() {
  const householdId = routeParam(useRouter().params.householdId);
  const signedIn = useSignedIn();
  if (!signedIn) return <SignInNeeded />;
  if (!householdId) return <StateView kind="empty" title="未找到这个家庭" />;
  return <AccessLog householdId={householdId} />;
}

const FILTERS = [
  { othersOnly: false, label: '全部' },
  { othersOnly: true, label: '只看家人' },
] as const;

/** The log with its filter: everything, or only what others did (the owner's own reads left out). */
function AccessLog({ householdId }: { householdId: string }) {
  const [othersOnly, setOthersOnly] = useState(false);
  return (
    <View className="access-log" data-testid="access-log">
      <View className="access-log__filters" role="tablist" aria-label="筛选访问记录">
        {FILTERS.map((filter) => (
          <View
            key={filter.label}
            className={`access-log__filter${filter.othersOnly === othersOnly ? ' access-log__filter--on' : ''}`}
            role="tab"
            aria-selected={filter.othersOnly === othersOnly}
            data-testid={filter.othersOnly ? 'access-log-others' : 'access-log-all'}
            onClick={() => setOthersOnly(filter.othersOnly)}
          >
            <Text>{filter.label}</Text>
          </View>
        ))}
      </View>
      {/* A new filter starts its list afresh. */}
      <AccessLogLoader key={String(othersOnly)} householdId={householdId} othersOnly={othersOnly} />
    </View>
  );
}

function AccessLogLoader({ householdId, othersOnly }: { householdId: string; othersOnly: boolean }) {
  const { state, reload } = useQuery(HouseholdAccessLogDocument, {
    householdId,
    first: PAGE_SIZE,
    after: null,
    othersOnly,
  });
  // The pages put together past the first; none until 加载更多 (the list is then the first page).
  const [more, setMore] = useState<ShownLog>(NOTHING_MORE);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  // A fresh first page (loaded or reloaded) starts the list again.
  useEffect(() => {
    if (!state.data) return;
    setMore(NOTHING_MORE);
    setMoreError(null);
  }, [state.data]);

  if (state.data === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" title="正在读取访问记录…" />
    );
  }

  // The first page, 加载更多 included, until more pages are put together.
  const firstAnswer = state.data.householdAccessLog;
  const shown = shownLog(more, firstAnswer);

  const loadMore = async (): Promise<void> => {
    if (loadingMore || !shown.endCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    const result = await graphqlClient.execute(HouseholdAccessLogDocument, {
      householdId,
      first: PAGE_SIZE,
      after: shown.endCursor,
      othersOnly,
    });
    setLoadingMore(false);
    const log = result.data?.householdAccessLog;
    if (!log || result.error) {
      setMoreError(result.error?.message ?? '加载失败，请重试');
      return;
    }
    setMore((before) => ({
      entries: appendPage(
        shownLog(before, firstAnswer).entries,
        log.edges.map((edge) => edge.node),
      ),
      endCursor: log.pageInfo.endCursor,
      hasNextPage: log.pageInfo.hasNextPage,
    }));
  };

  if (shown.entries.length === 0) {
    return (
      <StateView
        kind="empty"
        title={othersOnly ? '家人还没有查看过' : '还没有访问记录'}
        message="家人查看或修改家庭成员、保单和证件号时，会记录在这里。"
      />
    );
  }
  const days = groupAccessLogByDay(shown.entries, Date.now());
  return (
    <View>
      <Text className="access-log__intro">
        这里记录了谁在什么时候查看或修改了你家的成员、保单和证件号，只有你能看到。记录至少保留 180 天。
      </Text>
      {days.map((day) => (
        <View key={day.date} className="access-log__day">
          <Text className="access-log__day-title">{day.title}</Text>
          <View className="access-log__card">
            {day.entries.map(({ entry, time, sentence }) => (
              <View
                key={entry.id}
                className="access-log__entry"
                data-testid="access-log-entry"
                data-action={entry.action}
                aria-label={`${day.title} ${time}，${sentence}`}
              >
                <Text className="access-log__time">{time}</Text>
                <Text className={`access-log__sentence${entry.isYou ? '' : ' access-log__sentence--other'}`}>
                  {sentence}
                </Text>
              </View>
            ))}
          </View>
        </View>
      ))}
      {moreError ? <Text className="access-log__error">{moreError}</Text> : null}
      {shown.hasNextPage ? (
        <View className="access-log__more">
          <Button
            className="access-log__more-button"
            data-testid="access-log-more"
            loading={loadingMore || undefined}
            disabled={loadingMore || undefined}
            onClick={() => void loadMore()}
          >
            加载更多
          </Button>
        </View>
      ) : null}
    </View>
  );
}
