import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config.js';
import { Database, Transactional } from '../src/database/database.js';
import { openDataSource } from '../src/database/data-source.js';
import { AccountEntity } from '../src/identity/entities/account.entity.js';
import { PlatformIdentityEntity } from '../src/identity/entities/platform-identity.entity.js';
import { IdentityRepository, type NewIdentity } from '../src/identity/identity.repository.js';
import { freshDatabase } from './harness.js';

/**
 * The one way to the database, on the real engine of this run (PGlite, or PostgreSQL when
 * DATABASE_URL is set): transactions carried by the call's context, rollback of everything a failed
 * unit of work wrote, and atomic conditional writes under concurrency.
 */

const identity = (subject: string): NewIdentity => ({
  platform: 'WECHAT',
  subject,
  unionId: null,
  subjectEncrypted: null,
  subjectMasked: 'op****',
});

class Boom extends Error {}

/** A service as features write them: repositories only, the unit of work marked @Transactional. */
class SignUpService {
  constructor(readonly identities: IdentityRepository) {}

  @Transactional()
  async signUp(subject: string, failHalfWay: boolean): Promise<string> {
    const account = await this.identities.createAccount();
    await this.identities.addIdentity(account.id, identity(subject));
    if (failHalfWay) throw new Boom('after two writes');
    return account.id;
  }

  /** Calls another unit of work: it joins this transaction instead of committing on its own. */
  @Transactional()
  async signUpTwice(first: string, second: string, failAfter: boolean): Promise<void> {
    await this.signUp(first, false);
    await this.signUp(second, false);
    if (failAfter) throw new Boom('after both');
  }
}

describe(`database access on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let dataSource: DataSource;
  let database: Database;
  let service: SignUpService;
  let drop: () => Promise<void>;

  const count = async (): Promise<{ accounts: number; identities: number }> => ({
    accounts: await database.repository(AccountEntity).count(),
    identities: await database.repository(PlatformIdentityEntity).count(),
  });

  beforeAll(async () => {
    const fresh = await freshDatabase();
    drop = fresh.drop;
    dataSource = await openDataSource(loadConfig({ ...fresh.env, LOG_LEVEL: 'silent' }).database);
    database = new Database(dataSource);
    service = new SignUpService(new IdentityRepository(database));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await drop();
  });
  beforeEach(async () => {
    await dataSource.query('TRUNCATE account CASCADE');
  });

  it('commits every write of a unit of work together', async () => {
    const accountId = await service.signUp(`ok-${randomUUID()}`, false);
    expect(await count()).toEqual({ accounts: 1, identities: 1 });
    expect((await service.identities.identitiesOf(accountId)).map((row) => row.accountId)).toEqual([accountId]);
  });

  it('leaves nothing written when the unit of work fails half-way', async () => {
    await expect(service.signUp(`fail-${randomUUID()}`, true)).rejects.toBeInstanceOf(Boom);
    expect(await count()).toEqual({ accounts: 0, identities: 0 });
  });

  it('rolls back the inner units of work that joined a failing outer one', async () => {
    await expect(service.signUpTwice(`a-${randomUUID()}`, `b-${randomUUID()}`, true)).rejects.toBeInstanceOf(Boom);
    expect(await count()).toEqual({ accounts: 0, identities: 0 });
    await service.signUpTwice(`a-${randomUUID()}`, `b-${randomUUID()}`, false);
    expect(await count()).toEqual({ accounts: 2, identities: 2 });
  });

  it('keeps a write made outside an open transaction out of it: its rollback does not take that write along', async () => {
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const failing = database.transaction(async () => {
      await service.identities.createAccount();
      inside();
      await gate;
      throw new Boom('rolled back');
    });
    await started;
    // Another request's write while the transaction is open (PGlite: it waits for the connection).
    const outside = service.identities.createAccount();
    openGate();
    await expect(failing).rejects.toBeInstanceOf(Boom);
    const kept = await outside;
    expect(await database.repository(AccountEntity).findBy({})).toEqual([expect.objectContaining({ id: kept.id })]);
  });

  it('decides a race for one identity by the unique constraint: one insert wins, the others get null', async () => {
    const subject = `race-${randomUUID()}`;
    const accounts = await Promise.all(Array.from({ length: 5 }, () => service.identities.createAccount()));
    const results = await Promise.all(
      accounts.map((account) => service.identities.addIdentity(account.id, identity(subject))),
    );
    expect(results.filter((row) => row !== null)).toHaveLength(1);
    expect(await database.repository(PlatformIdentityEntity).countBy({ subject })).toBe(1);
  });

  it('counts tries at a phone code atomically: of 20 at once, exactly the allowed 5 get through', async () => {
    const now = new Date();
    await database.transaction(() =>
      service.identities.replacePhoneCode('p'.repeat(64), 'c'.repeat(64), new Date(now.getTime() + 60_000), now),
    );
    const code = (await service.identities.latestPhoneCode('p'.repeat(64)))!;
    const tries = await Promise.all(
      Array.from({ length: 20 }, () => service.identities.countPhoneCodeAttempt(code.id, 5, now)),
    );
    expect(tries.filter((attempt) => attempt !== null).sort()).toEqual([1, 2, 3, 4, 5]);
    expect((await service.identities.latestPhoneCode('p'.repeat(64)))!.attempts).toBe(5);
  });
});
