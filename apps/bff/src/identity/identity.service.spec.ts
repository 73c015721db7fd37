import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../common/crypto/field-cipher.js';
import { MemoryRateLimiter } from '../common/rate-limit/rate-limiter.js';
import { loadConfig } from '../config/config.js';
import { useTransactionHost } from '../database/database.js';
import type { AccountEntity } from './entities/account.entity.js';
import type { PlatformIdentityEntity } from './entities/platform-identity.entity.js';
import type { Platform } from './identity.errors.js';
import type { IdentityRepository, NewIdentity } from './identity.repository.js';
import { IdentityService } from './identity.service.js';
import type { AlipayClient } from './platforms/alipay.client.js';
import type { SmsClient } from './platforms/sms.client.js';
import type { WechatClient } from './platforms/wechat.client.js';
import type { SessionService } from './session.service.js';

/** Accounts and identities in memory, with the unique (platform, subject) rule of the table. */
class MemoryIdentities {
  accounts: AccountEntity[] = [];
  identities: PlatformIdentityEntity[] = [];

  /** A transaction: what `work` wrote is undone when it fails. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const before = { accounts: [...this.accounts], identities: [...this.identities], codes: [...this.codes] };
    try {
      return await work();
    } catch (error) {
      Object.assign(this, before);
      throw error;
    }
  }

  async findIdentity(platform: Platform, subject: string) {
    return this.identities.find((row) => row.platform === platform && row.subject === subject) ?? null;
  }
  async findByUnionId(unionId: string) {
    return this.identities.find((row) => row.unionId === unionId) ?? null;
  }
  async identitiesOf(accountId: string) {
    return this.identities.filter((row) => row.accountId === accountId);
  }
  async findAccount(id: string) {
    return this.accounts.find((row) => row.id === id) ?? null;
  }
  async createAccount() {
    const account = {
      id: `acc${this.accounts.length + 1}`,
      privacyPolicyVersion: null,
      privacyConsentedAt: null,
      createdAt: new Date(),
    };
    this.accounts.push(account);
    return account;
  }
  codes: {
    id: string;
    phoneHash: string;
    codeHash: string;
    expiresAt: Date;
    attempts: number;
    consumedAt: Date | null;
  }[] = [];
  async replacePhoneCode(phoneHash: string, codeHash: string, expiresAt: Date, now: Date) {
    for (const code of this.codes) if (code.phoneHash === phoneHash && !code.consumedAt) code.consumedAt = now;
    this.codes.push({ id: `c${this.codes.length}`, phoneHash, codeHash, expiresAt, attempts: 0, consumedAt: null });
  }
  async latestPhoneCode(phoneHash: string) {
    return this.codes.filter((code) => code.phoneHash === phoneHash).at(-1) ?? null;
  }
  async countPhoneCodeAttempt(id: string, maxAttempts: number, now: Date) {
    const code = this.codes.find((candidate) => candidate.id === id)!;
    if (code.attempts >= maxAttempts || code.consumedAt || code.expiresAt <= now) return null;
    code.attempts += 1;
    return code.attempts;
  }
  async consumePhoneCode(id: string) {
    const code = this.codes.find((candidate) => candidate.id === id)!;
    if (code.consumedAt) return false;
    code.consumedAt = new Date();
    return true;
  }
  async addIdentity(accountId: string, identity: NewIdentity) {
    if (await this.findIdentity(identity.platform, identity.subject)) return null;
    const row = { ...identity, id: `id${this.identities.length + 1}`, accountId, createdAt: new Date() };
    this.identities.push(row);
    return row;
  }
}

function setup() {
  const repository = new MemoryIdentities();
  const texts: string[] = [];
  const cipher = new FieldCipher(randomBytes(32));
  const wechatUsers: Record<string, { openid: string; unionid: string | null }> = {
    a: { openid: 'openid-a', unionid: 'union-1' },
    b: { openid: 'openid-b', unionid: null },
    'a-other-app': { openid: 'openid-a2', unionid: 'union-1' },
  };
  useTransactionHost(repository);
  const service = new IdentityService(
    repository as unknown as IdentityRepository,
    { start: async (accountId: string) => ({ accountId }) } as unknown as SessionService,
    { exchangeCode: async (code: string) => wechatUsers[code] } as unknown as WechatClient,
    { exchangeCode: async (code: string) => ({ userId: `2088${code}` }) } as unknown as AlipayClient,
    { send: async (_phone: string, text: string) => void texts.push(text) } as unknown as SmsClient,
    cipher,
    new MemoryRateLimiter(),
    { now: () => Date.now() },
    loadConfig({}),
  );
  return { repository, service, texts, cipher };
}

describe('IdentityService linking rules', () => {
  it('creates one account per new identity and finds it again on the next sign-in', async () => {
    const { service, repository } = setup();
    const first = await service.signIn({ platform: 'WECHAT', code: 'b' }, '1.1.1.1');
    const again = await service.signIn({ platform: 'WECHAT', code: 'b' }, '1.1.1.1');
    expect(again.accountId).toBe(first.accountId);
    expect(repository.accounts).toHaveLength(1);
  });

  it('puts a WeChat identity with a known unionid into the account of that unionid', async () => {
    const { service } = setup();
    const first = await service.signIn({ platform: 'WECHAT', code: 'a' }, '1.1.1.1');
    const sibling = await service.signIn({ platform: 'WECHAT', code: 'a-other-app' }, '1.1.1.1');
    expect(sibling.accountId).toBe(first.accountId);
  });

  it('links another platform once, is idempotent for the same identity, and refuses a second one', async () => {
    const { service } = setup();
    const { accountId } = await service.signIn({ platform: 'WECHAT', code: 'b' }, '1.1.1.1');
    const linked = await service.link(accountId, { platform: 'ALIPAY', code: '1111' }, '1.1.1.1');
    expect(linked.identities.map((row) => row.platform)).toEqual(['WECHAT', 'ALIPAY']);
    await expect(service.link(accountId, { platform: 'ALIPAY', code: '1111' }, '1.1.1.1')).resolves.toBeDefined();
    await expect(service.link(accountId, { platform: 'ALIPAY', code: '2222' }, '1.1.1.1')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses to link an identity that belongs to another account', async () => {
    const { service } = setup();
    await service.signIn({ platform: 'ALIPAY', code: '3333' }, '1.1.1.1');
    const { accountId } = await service.signIn({ platform: 'WECHAT', code: 'b' }, '1.1.1.1');
    await expect(service.link(accountId, { platform: 'ALIPAY', code: '3333' }, '1.1.1.1')).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { platform: 'ALIPAY' },
    });
  });

  it('stores a phone number only encrypted and masked, and finds the account by its blind index', async () => {
    const { service, repository, texts, cipher } = setup();
    await service.requestPhoneCode('13812345678', '1.1.1.1');
    const code = /(\d{6})/.exec(texts[0])![1];
    const { accountId } = await service.signIn({ platform: 'H5', code, phone: '13812345678' }, '1.1.1.1');
    const [row] = repository.identities;
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(row).toMatchObject({ subject: cipher.blindIndex('13812345678'), subjectMasked: '138****5678' });
    expect(cipher.decrypt((row as unknown as NewIdentity).subjectEncrypted!)).toBe('13812345678');
    await service.requestPhoneCode('13812345678', '1.1.1.2').catch(() => undefined);
    expect(texts).toHaveLength(1); // a second code within a minute is refused
    expect(repository.accounts.map((account) => account.id)).toEqual([accountId]);
  });

  it('refuses H5 sign-in without a valid phone number, storing nothing', async () => {
    const { service, repository } = setup();
    await expect(service.signIn({ platform: 'H5', code: '123456' }, '1.1.1.1')).rejects.toMatchObject({
      field: 'input.phone',
    });
    await expect(service.signIn({ platform: 'H5', code: '123456', phone: '999' }, '1.1.1.1')).rejects.toMatchObject({
      field: 'phone',
    });
    expect(repository.identities).toHaveLength(0);
  });

  it('rolls back the new account when a concurrent sign-in took the identity, and joins the winner', async () => {
    const { service, repository } = setup();
    // Another sign-in with the same openid commits between our read (which found nothing) and our insert.
    const winner = await repository.createAccount();
    await repository.addIdentity(winner.id, {
      platform: 'WECHAT',
      subject: 'openid-b',
      unionId: null,
      subjectEncrypted: null,
      subjectMasked: 'op****-b',
    });
    const find = repository.findIdentity.bind(repository);
    let reads = 0;
    repository.findIdentity = async (platform, subject) => (reads++ === 0 ? null : find(platform, subject));
    const session = await service.signIn({ platform: 'WECHAT', code: 'b' }, '1.1.1.1');
    expect(session.accountId).toBe(winner.id);
    expect(repository.accounts.map((account) => account.id)).toEqual([winner.id]);
  });

  it('locks a phone code after five tries: the right code is refused after them, and guesses at once all count', async () => {
    const { service, texts } = setup();
    await service.requestPhoneCode('13812345678', '1.1.1.1');
    const code = /(\d{6})/.exec(texts[0])![1];
    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        service.signIn({ platform: 'H5', code: wrong, phone: '13812345678' }, '1.1.1.1'),
      ),
    );
    expect(guesses.every((guess) => guess.status === 'rejected')).toBe(true);
    await expect(service.signIn({ platform: 'H5', code, phone: '13812345678' }, '1.1.1.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'LOGIN_CODE_INVALID' },
    });
  });

  it('accepts the right code within the tries, and only once', async () => {
    const { service, texts } = setup();
    await service.requestPhoneCode('13812345678', '1.1.1.1');
    const code = /(\d{6})/.exec(texts[0])![1];
    const wrong = code === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await expect(service.signIn({ platform: 'H5', code: wrong, phone: '13812345678' }, '1.1.1.1')).rejects.toThrow();
    }
    await expect(service.signIn({ platform: 'H5', code, phone: '13812345678' }, '1.1.1.1')).resolves.toBeDefined();
    await expect(service.signIn({ platform: 'H5', code, phone: '13812345678' }, '1.1.1.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });
});
