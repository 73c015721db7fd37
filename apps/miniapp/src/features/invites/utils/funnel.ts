import type { InviteFunnelFieldsFragment } from '../../../graphql/generated/graphql';

/** The funnel as bars (我的邀请): each step's count, label and width relative to the widest. */

export interface FunnelBar {
  key: keyof InviteFunnelFieldsFragment;
  label: string;
  count: number;
  /** Width in % of the track, 0–100; at least MIN_VISIBLE_PERCENT for a step that is not 0. */
  percent: number;
  /** The unit: landings are counted as views (次), the other steps as people (人). */
  unit: '次' | '人';
  /** The bar in words, for screen readers: `查看 12 次`, `注册 3 人`. */
  spoken: string;
}

export const FUNNEL_STEPS: readonly { key: keyof InviteFunnelFieldsFragment; label: string; unit: '次' | '人' }[] = [
  // Every landing counts (signed in or not, again after signing in): views, not people.
  { key: 'opened', label: '查看', unit: '次' },
  { key: 'signedUp', label: '注册', unit: '人' },
  { key: 'converted', label: '加入/测算', unit: '人' },
  { key: 'bought', label: '投保', unit: '人' },
];

/** A step with someone in it stays visible next to a large first step. */
export const MIN_VISIBLE_PERCENT = 4;

export function funnelBars(funnel: InviteFunnelFieldsFragment): FunnelBar[] {
  const counts = FUNNEL_STEPS.map((step) => Math.max(0, Math.floor(funnel[step.key] || 0)));
  const widest = Math.max(0, ...counts);
  return FUNNEL_STEPS.map((step, index) => {
    const count = counts[index];
    const exact = widest === 0 ? 0 : (count / widest) * 100;
    const percent = count === 0 ? 0 : Math.max(MIN_VISIBLE_PERCENT, Math.round(exact));
    return {
      key: step.key,
      label: step.label,
      count,
      percent,
      unit: step.unit,
      spoken: `${step.label} ${count} ${step.unit}`,
    };
  });
}
