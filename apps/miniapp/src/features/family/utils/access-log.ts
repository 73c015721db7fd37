import type { HouseholdAccessLogQuery } from '../../../graphql/generated/graphql';
import { formatDate } from '../../../utils/date';

export type AccessLogEntry = HouseholdAccessLogQuery['householdAccessLog']['edges'][number]['node'];

/** One day of the log, newest first, with each entry's time of day (China time). */
export interface AccessLogDay {
  readonly date: string;
  readonly title: string;
  readonly entries: readonly { entry: AccessLogEntry; time: string; sentence: string }[];
}

const DAY_MS = 86_400_000;

/** `14:05`, China time. */
export function timeOfDay(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isFinite(time)) return '';
  const china = new Date(time + 8 * 3_600_000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}`;
}

/** 今天, 昨天, `12月1日` this year, `2025年12月1日` before (China dates). */
export function dayTitle(date: string, nowMs: number): string {
  const today = formatDate(new Date(nowMs).toISOString());
  if (date === today) return '今天';
  if (date === formatDate(new Date(nowMs - DAY_MS).toISOString())) return '昨天';
  const [year, month, day] = date.split('-').map(Number);
  return date.slice(0, 4) === today.slice(0, 4) ? `${month}月${day}日` : `${year}年${month}月${day}日`;
}

/** What an entry says: `你查看了保单`, `微信用户 w***x 修改了家庭成员`. */
export function accessLogSentence(entry: Pick<AccessLogEntry, 'who' | 'isYou' | 'actionLabel'>): string {
  return entry.isYou ? `你${entry.actionLabel}` : `${entry.who} ${entry.actionLabel}`;
}

/** The entries (newest first) in days, newest day first. */
export function groupAccessLogByDay(entries: readonly AccessLogEntry[], nowMs: number): AccessLogDay[] {
  const days: { date: string; title: string; entries: AccessLogDay['entries'][number][] }[] = [];
  for (const entry of entries) {
    const date = formatDate(entry.at);
    let day = days.at(-1);
    if (!day || day.date !== date) {
      day = { date, title: dayTitle(date, nowMs), entries: [] };
      days.push(day);
    }
    day.entries.push({ entry, time: timeOfDay(entry.at), sentence: accessLogSentence(entry) });
  }
  return days;
}

/** A next page added to what is shown, each entry once (entries recorded meanwhile may repeat). */
export function appendPage(shown: readonly AccessLogEntry[], next: readonly AccessLogEntry[]): AccessLogEntry[] {
  const seen = new Set(shown.map((entry) => entry.id));
  return [...shown, ...next.filter((entry) => !seen.has(entry.id))];
}

/** The log as listed: its entries, and where and whether a next page follows. */
export interface ShownLog {
  readonly entries: readonly AccessLogEntry[];
  readonly endCursor: string | null;
  readonly hasNextPage: boolean;
}

/**
 * What the page lists: the pages it has put together (`more`, the first page with those 加载更多
 * added), or, while there are none, the first page itself, its entries and 加载更多 from the same
 * answer. The page used to copy the first page into its state in an effect and show 加载更多 from
 * that copy, so the entries came a frame before their button (under Preact, whose effects run later
 * than React's, late enough for the family journey's paging to miss it: docs/performance.md).
 */
export function shownLog(
  more: ShownLog,
  firstPage: {
    readonly edges: readonly { readonly node: AccessLogEntry }[];
    readonly pageInfo: { readonly endCursor?: string | null; readonly hasNextPage: boolean };
  },
): ShownLog {
  if (more.entries.length > 0) return more;
  return {
    entries: firstPage.edges.map((edge) => edge.node),
    endCursor: firstPage.pageInfo.endCursor ?? null,
    hasNextPage: firstPage.pageInfo.hasNextPage,
  };
}
