import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef } from 'react';
import StateView from '../../../../components/state-view';
import { CoverageGapsDocument } from '../../../../graphql/generated/graphql';
import { useQuery } from '../../../../hooks/useQuery';
import { useSignedIn } from '../../../../session/useSignedIn';
import { routeParam } from '../../../../utils/route-param';
import { formatPriceFrom, formatScore, productPageUrl, quotePageUrl } from '../../../catalogue';
import SignInNeeded from '../../components/sign-in-needed';
import StatusBadge from '../../components/status-badge';
import {
  gapAmounts,
  gapTitle,
  groupGapsByMember,
  priorityLabel,
  topRecommendations,
  type Gap,
  type GapGroup,
} from '../../utils/gaps';
import { formatAge } from '../../utils/member-display';
import './index.scss';

/**
 * 保障缺口 (F4, `?householdId=`): for each member, the cover their stage of life calls for that they
 * lack or hold too little of, why, and up to three catalogue products, each leading to its page and to
 * a quote for the member's age.
 */
export default function GapsPage() {
  const householdId = routeParam(useRouter().params.householdId);
  const signedIn = useSignedIn();
  if (!signedIn) return <SignInNeeded />;
  if (!householdId) return <StateView kind="empty" title="未找到这个家庭" />;
  return <GapsLoader householdId={householdId} />;
}

function GapsLoader({ householdId }: { householdId: string }) {
  const { state, reload } = useQuery(CoverageGapsDocument, { householdId });
  const loaded = useRef(false);
  loaded.current = state.data !== null;
  useDidShow(() => {
    if (loaded.current) void reload();
  });

  if (state.data === null) {
    return state.status === 'error' ? (
      <StateView kind="error" message={state.error?.message} onRetry={() => void reload()} />
    ) : (
      <StateView kind="loading" title="正在分析保障缺口…" />
    );
  }
  const groups = groupGapsByMember(state.data.household.gaps);
  if (groups.length === 0) {
    return (
      <StateView
        kind="empty"
        title="暂无明显的保障缺口"
        message="按每位家人的年龄和收入估算，现有保单已覆盖建议的保障。家人或收入有变化时，记得回来看看。"
      />
    );
  }
  return (
    <View className="gaps" data-testid="gaps">
      <Text className="gaps__intro">
        按年龄阶段和收入估算的建议，仅供参考；收入越完整，重疾险和寿险的建议保额越准确。
      </Text>
      {groups.map((group) => (
        <MemberGaps key={group.member.id} group={group} />
      ))}
    </View>
  );
}

function MemberGaps({ group }: { group: GapGroup }) {
  const { member } = group;
  return (
    <View className="gaps__member" data-testid="gap-member" data-member-id={member.id}>
      <View className="gaps__member-header">
        <Text className="gaps__relationship">{member.relationshipLabel}</Text>
        <Text className="gaps__name" data-testid="gap-member-name">
          {member.name}
        </Text>
        <Text className="gaps__age">{formatAge(member.age)}</Text>
        <Text className="gaps__count">{group.gaps.length} 项缺口</Text>
      </View>
      {group.gaps.map((gap) => (
        <GapCard key={`${gap.category}-${gap.kind}`} gap={gap} />
      ))}
    </View>
  );
}

function GapCard({ gap }: { gap: Gap }) {
  const amounts = gapAmounts(gap);
  const products = topRecommendations(gap);
  const age = gap.member.age;
  return (
    <View className="gaps__card" data-testid="gap" data-category={gap.category} data-kind={gap.kind}>
      <View className="gaps__title-row">
        <Text className="gaps__title" data-testid="gap-title">
          {gapTitle(gap)}
        </Text>
        <StatusBadge tone={gap.priority >= 3 ? 'error' : 'warning'} text={priorityLabel(gap.priority)} />
      </View>
      <Text className="gaps__reason">{gap.reason}</Text>
      {amounts ? (
        <Text className="gaps__amounts" data-testid="gap-amounts">
          {amounts}
        </Text>
      ) : null}
      {products.length === 0 ? (
        <Text className="gaps__none">暂时没有可推荐的产品（保险公司可能暂时无法连接），请稍后再来看看。</Text>
      ) : (
        <View className="gaps__products">
          <Text className="gaps__products-title">适合{gap.member.name}的产品</Text>
          {products.map((product) => (
            <View key={product.id} className="gaps__product" data-testid="recommendation" data-product-id={product.id}>
              <View
                className="gaps__product-main"
                role="button"
                aria-label={`${product.name}，${product.insurer.name}，${formatPriceFrom(product.priceFrom)}${
                  product.score ? `，综合评分 ${formatScore(product.score.composite)} 分` : ''
                }。查看产品`}
                onClick={() => void Taro.navigateTo({ url: productPageUrl(product.id) })}
              >
                <Text className="gaps__product-name">{product.name}</Text>
                <Text className="gaps__product-meta">
                  {product.insurer.name}
                  {product.score ? ` · 评分 ${formatScore(product.score.composite)}` : ''}
                  {product.score?.goldPick ? ' · 金选' : ''}
                </Text>
                <Text className="gaps__price">{formatPriceFrom(product.priceFrom)}</Text>
              </View>
              <View className="gaps__product-actions">
                <Button
                  className="gaps__product-link"
                  data-testid="recommendation-product"
                  onClick={() => void Taro.navigateTo({ url: productPageUrl(product.id) })}
                >
                  查看产品
                </Button>
                <Button
                  className="gaps__product-quote"
                  data-testid="recommendation-quote"
                  aria-label={`按${gap.member.name}的年龄 ${age} 周岁测算${product.name}的保费`}
                  onClick={() => void Taro.navigateTo({ url: quotePageUrl(product.id, { age }) })}
                >
                  按 {age} 周岁测算
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
