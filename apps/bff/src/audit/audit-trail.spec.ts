import { loadConfig } from '../config/config.js';
import { finishBeforeAnswer, runWithRequestId, setRequestPlatform } from '../common/request-context.js';
import type { Database } from '../database/database.js';
import { AuditPurgeService } from './audit-purge.service.js';
import { AuditTrail } from './audit-trail.service.js';
import type { AuditRepository, NewAuditEvent } from './audit.repository.js';

/** The table in memory: each call to `insert` is one statement. */
class MemoryAudit {
  readonly statements: NewAuditEvent[][] = [];
  rows: { at: number }[] = [];
  purgeCalls = 0;

  async insert(events: readonly NewAuditEvent[]): Promise<void> {
    if (events.length > 0) this.statements.push([...events]);
  }

  async purgeBatch(cutoff: Date, batch: number): Promise<number> {
    this.purgeCalls += 1;
    const old = this.rows.filter((row) => row.at < cutoff.getTime()).slice(0, batch);
    this.rows = this.rows.filter((row) => !old.includes(row));
    return old.length;
  }
}

const HOUSEHOLD = '11111111-1111-4111-8111-111111111111';
const ACCOUNT = '22222222-2222-4222-8222-222222222222';
const read = (action: 'MEMBER_READ' | 'POLICY_READ', subjectId: string | null = null) => ({
  accountId: ACCOUNT,
  householdId: HOUSEHOLD,
  action,
  subjectType: action === 'MEMBER_READ' ? ('MEMBER' as const) : ('POLICY' as const),
  subjectId,
});

function trail(inTransaction = false): { audit: AuditTrail; table: MemoryAudit } {
  const table = new MemoryAudit();
  const database = { inTransaction } as Database;
  return { audit: new AuditTrail(table as unknown as AuditRepository, database), table };
}

describe('AuditTrail', () => {
  it('records a request’s reads once each, in one insert before the answer, with its id and platform', async () => {
    const { audit, table } = trail();
    await runWithRequestId('req-1', async () => {
      setRequestPlatform('WECHAT');
      await audit.recordRead(read('MEMBER_READ'), read('POLICY_READ'));
      await audit.recordRead(read('MEMBER_READ'));
      await audit.recordRead(read('POLICY_READ', 'p1'));
      expect(table.statements).toEqual([]);
      await finishBeforeAnswer();
    });
    expect(table.statements).toHaveLength(1);
    expect(table.statements[0]).toEqual([
      expect.objectContaining({ action: 'MEMBER_READ', subjectId: null, requestId: 'req-1', platform: 'WECHAT' }),
      expect.objectContaining({ action: 'POLICY_READ', subjectId: null }),
      expect.objectContaining({ action: 'POLICY_READ', subjectId: 'p1' }),
    ]);
  });

  it('inserts a read at once outside a request (a job)', async () => {
    const { audit, table } = trail();
    await audit.recordRead(read('MEMBER_READ'));
    expect(table.statements).toEqual([[expect.objectContaining({ requestId: null, platform: null })]]);
  });

  it('refuses to record a write outside the write’s transaction', async () => {
    await expect(trail(false).audit.recordWrite(read('MEMBER_READ'))).rejects.toThrow(/inside its transaction/);
    const { audit, table } = trail(true);
    await audit.recordWrite({ ...read('MEMBER_READ'), action: 'MEMBER_CREATE', subjectId: 'm1' });
    expect(table.statements).toHaveLength(1);
  });

  it('fails the answer when the reads cannot be recorded', async () => {
    const { audit, table } = trail();
    table.insert = async () => {
      throw new Error('database away');
    };
    await expect(
      runWithRequestId('req-2', async () => {
        await audit.recordRead(read('MEMBER_READ'));
        await finishBeforeAnswer();
      }),
    ).rejects.toThrow('database away');
  });
});

describe('AuditPurgeService', () => {
  const DAY = 86_400_000;
  const now = Date.parse('2026-12-02T10:00:00+08:00');

  it('deletes in batches what is past the retention, and nothing more when run again', async () => {
    const table = new MemoryAudit();
    table.rows = [
      ...Array.from({ length: 7 }, (_, index) => ({ at: now - (200 + index) * DAY })),
      { at: now - 180 * DAY },
      { at: now - 179 * DAY },
    ];
    const purge = new AuditPurgeService(table as unknown as AuditRepository, loadConfig({}), { now: () => now });
    const first = await purge.run(3);
    expect(first).toMatchObject({ deleted: 7, batches: 3, retentionDays: 180 });
    expect(table.rows).toHaveLength(2);
    expect(await purge.run(3)).toMatchObject({ deleted: 0, batches: 1 });
    expect(table.rows).toHaveLength(2);
  });
});
