import {
  type AccessLogEntry,
  accessLogSentence,
  appendPage,
  dayTitle,
  groupAccessLogByDay,
  shownLog,
  timeOfDay,
} from '../access-log';

const entry = (id: string, at: string, overrides: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  id,
  who: '你',
  isYou: true,
  action: 'POLICY_READ',
  actionLabel: '查看了保单',
  subject: 'POLICY',
  at,
  ...overrides,
});

describe('the access log (谁看过我家)', () => {
  // 2026-12-02 10:00 in China.
  const now = Date.parse('2026-12-02T02:00:00Z');

  it('says who did what, 你 for the owner', () => {
    expect(accessLogSentence({ who: '你', isYou: true, actionLabel: '查看了保单' })).toBe('你查看了保单');
    expect(accessLogSentence({ who: '微信用户 w***x', isYou: false, actionLabel: '修改了家庭成员' })).toBe(
      '微信用户 w***x 修改了家庭成员',
    );
  });

  it('tells the time and the day in China time', () => {
    expect(timeOfDay('2026-12-01T16:05:00Z')).toBe('00:05');
    expect(timeOfDay('not a date')).toBe('');
    expect(dayTitle('2026-12-02', now)).toBe('今天');
    expect(dayTitle('2026-12-01', now)).toBe('昨天');
    expect(dayTitle('2026-03-07', now)).toBe('3月7日');
    expect(dayTitle('2025-12-31', now)).toBe('2025年12月31日');
  });

  it('groups entries by China day, newest first, keeping their order', () => {
    const days = groupAccessLogByDay(
      [
        entry('a', '2026-12-02T01:00:00Z'),
        // 00:30 on 2 December in China, 16:30 UTC the day before.
        entry('b', '2026-12-01T16:30:00Z', { who: '手机用户 139****5678', isYou: false }),
        entry('c', '2026-12-01T15:59:00Z'),
        entry('d', '2026-11-20T08:00:00Z'),
      ],
      now,
    );
    expect(days.map((day) => [day.title, day.entries.map((item) => item.entry.id)])).toEqual([
      ['今天', ['a', 'b']],
      ['昨天', ['c']],
      ['11月20日', ['d']],
    ]);
    expect(days[0].entries[1]).toMatchObject({ time: '00:30', sentence: '手机用户 139****5678 查看了保单' });
    expect(groupAccessLogByDay([], now)).toEqual([]);
  });

  it('adds a next page without repeating an entry', () => {
    const shown = [entry('a', '2026-12-02T01:00:00Z'), entry('b', '2026-12-02T00:00:00Z')];
    const next = [entry('b', '2026-12-02T00:00:00Z'), entry('c', '2026-12-01T00:00:00Z')];
    expect(appendPage(shown, next).map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('lists the first page with its 加载更多 until the pages put together take over', () => {
    const first = [entry('a', '2026-12-02T01:00:00Z'), entry('b', '2026-12-02T00:00:00Z')];
    const firstPage = {
      edges: first.map((node) => ({ node })),
      pageInfo: { endCursor: 'cursor-b', hasNextPage: true },
    };
    // Before the page has taken its first answer in: that answer, the next page's cursor with it.
    const before = shownLog({ entries: [], endCursor: null, hasNextPage: false }, firstPage);
    expect(before.entries.map((item) => item.id)).toEqual(['a', 'b']);
    expect(before).toMatchObject({ endCursor: 'cursor-b', hasNextPage: true });
    // Once more pages are put together, they are the list, the last page's cursor with them.
    const more = { entries: [...first, entry('c', '2026-12-01T00:00:00Z')], endCursor: null, hasNextPage: false };
    expect(shownLog(more, firstPage)).toBe(more);
    // An empty log: nothing listed, nothing more to load.
    expect(
      shownLog(
        { entries: [], endCursor: null, hasNextPage: false },
        { edges: [], pageInfo: { endCursor: null, hasNextPage: false } },
      ),
    ).toEqual({ entries: [], endCursor: null, hasNextPage: false });
  });
});
