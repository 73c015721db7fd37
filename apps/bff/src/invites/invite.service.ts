import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  type FunnelStage,
  type InviteKind,
  type InviteRole,
  type InviteStatus,
  INVITE_ROLES,
  funnelStageOf,
  inviteExpiry,
  inviteStatus,
  isInviteCode,
  newInviteCode,
} from '@family/domain';
import { InputProblemsError, type InputProblem } from '../common/app-error.js';
import { CLOCK, type Clock } from '../common/clock.js';
import { FIELD_CIPHER, type FieldCipher } from '../common/crypto/field-cipher.js';
import { logger } from '../common/logger.js';
import { RATE_LIMITER, type RateLimiter } from '../common/rate-limit/rate-limiter.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Transactional } from '../database/database.js';
import { type CatalogueSnapshot, ProductListingService } from '../catalogue/index.js';
import type { Product } from '@family/domain';
import { AuditTrail } from '../audit/index.js';
import { FamilySharingService, type HouseholdWithRole, type PolicySummary } from '../family/index.js';
import { type CodePlatform, MiniProgramCodeService } from '../sharing/index.js';
import type { InviteEntity } from './entities/invite.entity.js';
import { InviteRepository, type InviteFunnelCounts } from './invite.repository.js';
import {
  InviteExpiredError,
  InviteLimitError,
  InviteNotFoundError,
  InviteNotJoinableError,
  InviteRevokedError,
  InviteUsedError,
  OwnInviteError,
} from './invites.errors.js';
import { isUuid } from '../common/ids.js';

/** The mini-program page every shared card, poster and link opens. */
export const INVITE_PAGE = 'pages/invite/index';
/** Most invites a sharer's list shows at once. */
export const MAX_LISTED_INVITES = 50;

export interface CreateInvite {
  readonly kind: InviteKind;
  readonly householdId?: string | null;
  readonly productId?: string | null;
  readonly policyId?: string | null;
  readonly role?: string | null;
  readonly expiresInHours?: number | null;
}

export interface InviteFriendView {
  readonly name: string;
  readonly signedUp: boolean;
  readonly stage: FunnelStage;
  readonly conversion: 'JOINED' | 'QUOTED' | null;
  readonly touchedAt: Date;
}

/** An invite as its sharer sees it. */
export interface InviteView {
  readonly id: string;
  readonly kind: InviteKind;
  readonly title: string;
  readonly code: string;
  /** The mini-program path with the code: what a shared card opens. */
  readonly path: string;
  /** The H5 link with the code. */
  readonly url: string;
  readonly status: InviteStatus;
  readonly role: InviteRole | null;
  readonly householdId: string | null;
  readonly productId: string | null;
  readonly policyId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly usedAt: Date | null;
  readonly funnel: InviteFunnelCounts;
  readonly friends: InviteFriendView[];
}

/** What a friend sees on opening a code: the card when the invite is usable, its state always. */
export interface InviteLanding {
  readonly kind: InviteKind;
  readonly status: InviteStatus;
  readonly sharerName: string;
  readonly expiresAt: Date | null;
  readonly isYours: boolean;
  readonly alreadyJoined: boolean;
  readonly role: InviteRole | null;
  readonly product: { product: Product; snapshot: CatalogueSnapshot } | null;
  readonly household: { name: string; memberCount: number } | null;
  readonly policy: PolicySummary | null;
}

/**
 * Share-to-friend invites (R1–R6, F6 joining): making them, the public landing, joining a family
 * atomically, revoking, and first-touch attribution of the friends they bring.
 */
@Injectable()
export class InviteService {
  constructor(
    private readonly invites: InviteRepository,
    private readonly family: FamilySharingService,
    private readonly catalogue: ProductListingService,
    private readonly codes: MiniProgramCodeService,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
    @Inject(RATE_LIMITER) private readonly rateLimiter: RateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  /** Makes an invite of the kind asked; `origin` is the request's, for links when no public URL is set. */
  async create(accountId: string, input: CreateInvite, origin: string): Promise<InviteView> {
    const now = this.clock.now();
    const problems: InputProblem[] = [];
    const expiry = inviteExpiry(input.kind, now, input.expiresInHours);
    if ('problem' in expiry)
      problems.push({ field: 'input.expiresInHours', code: 'OUT_OF_RANGE', message: expiry.problem });
    const need = (field: 'householdId' | 'productId' | 'policyId', label: string) => {
      if (!input[field]) problems.push({ field: `input.${field}`, code: 'REQUIRED', message: `请指定${label}` });
    };
    const forbid = (field: 'householdId' | 'productId' | 'policyId' | 'role') => {
      if (input[field])
        problems.push({ field: `input.${field}`, code: 'NOT_FOR_KIND', message: '这类分享不需要这一项' });
    };
    let role: InviteRole | null = null;
    if (input.kind === 'PRODUCT') {
      need('productId', '要分享的产品');
      forbid('householdId');
      forbid('policyId');
      forbid('role');
    } else if (input.kind === 'FAMILY_JOIN') {
      need('householdId', '要邀请加入的家庭');
      forbid('productId');
      forbid('policyId');
      if (!input.role) problems.push({ field: 'input.role', code: 'REQUIRED', message: '请选择家人加入后的角色' });
      else if (!(INVITE_ROLES as readonly string[]).includes(input.role))
        problems.push({
          field: 'input.role',
          code: 'OWNER_IS_ONE',
          message: '只能邀请为“成员”或“查看者”，每个家庭只有一位管理员',
        });
      else role = input.role as InviteRole;
    } else {
      need('policyId', '要分享的保单');
      forbid('householdId');
      forbid('productId');
      forbid('role');
    }
    if (problems.length > 0) throw new InputProblemsError(problems);
    const expiresAt = 'expiresAt' in expiry ? expiry.expiresAt : null;

    let title: string;
    let householdId: string | null = null;
    if (input.kind === 'PRODUCT') {
      title = (await this.catalogue.getProduct(input.productId!)).product.name;
    } else if (input.kind === 'FAMILY_JOIN') {
      const household = await this.family.householdToInviteTo(accountId, input.householdId!);
      householdId = household.id;
      title = household.name;
    } else {
      const policy = await this.family.policyToShare(accountId, input.policyId!);
      householdId = policy.householdId;
      title = policy.title;
    }

    const code = newInviteCode(randomBytes);
    const invite = await this.insertRecorded({
      kind: input.kind,
      title: title.slice(0, 80),
      codeHash: hashCode(code),
      codeEncrypted: this.cipher.encrypt(code),
      createdBy: accountId,
      householdId,
      productId: input.kind === 'PRODUCT' ? input.productId! : null,
      policyId: input.kind === 'POLICY_SUMMARY' ? input.policyId! : null,
      role,
      expiresAt,
    });
    return this.view(invite, code, origin, []);
  }

  /**
   * The public landing of a code. Limited per address (and per account when signed in); codes that
   * lead nowhere count again, and past their limit every code is refused for a while, so guessing
   * gains nothing. A signed-in friend's visit is their first touch (attribution).
   */
  async landing(code: string, viewerAccountId: string | null, clientIp: string): Promise<InviteLanding> {
    await this.limit(`invite-open:ip:${clientIp}`, this.config.invites.opensPerIpPerMinute, 60_000);
    if (viewerAccountId)
      await this.limit(`invite-open:account:${viewerAccountId}`, this.config.invites.opensPerIpPerMinute, 60_000);
    await this.checkMisses(clientIp);
    const invite = await this.find(code);
    if (!invite) return this.miss(clientIp);

    const now = this.clock.now();
    const status = inviteStatus(invite, now);
    const isYours = viewerAccountId === invite.createdBy;
    if (!isYours) {
      await this.invites.countOpen(invite.id);
      if (viewerAccountId && status === 'ACTIVE') await this.invites.touch(viewerAccountId, invite.id, new Date(now));
    }
    const sharerName = (await this.family.labelsOf([invite.createdBy])).get(invite.createdBy) ?? '你的朋友';
    const active = status === 'ACTIVE';
    // A friend shown a family's card or a policy summary read that household's data: in its log.
    if (active && viewerAccountId && !isYours && invite.householdId && invite.kind !== 'PRODUCT')
      await this.audit.recordRead({
        accountId: viewerAccountId,
        householdId: invite.householdId,
        action: 'INVITE_OPEN',
        subjectType: 'INVITE',
        subjectId: invite.id,
      });
    const alreadyJoined =
      invite.kind === 'FAMILY_JOIN' && viewerAccountId !== null && !isYours
        ? (await this.family.roleOf(invite.householdId!, viewerAccountId)) !== null
        : false;
    return {
      kind: invite.kind,
      status,
      sharerName,
      expiresAt: invite.expiresAt,
      isYours,
      alreadyJoined,
      role: invite.role,
      product: active && invite.kind === 'PRODUCT' ? await this.productOf(invite.productId!) : null,
      household: active && invite.kind === 'FAMILY_JOIN' ? await this.family.householdCard(invite.householdId!) : null,
      policy: active && invite.kind === 'POLICY_SUMMARY' ? await this.family.policySummary(invite.policyId!) : null,
    };
  }

  /**
   * A friend accepts a family invite: the invite is used and the friend joins with its role, in one
   * transaction, through a conditional update (of many friends at once exactly one gets in). The
   * same friend accepting again gets the household again; anyone already in it joins nothing new.
   */
  @Transactional()
  async accept(accountId: string, code: string, clientIp: string): Promise<HouseholdWithRole> {
    await this.limit(`invite-accept:ip:${clientIp}`, this.config.invites.acceptsPerIpPerMinute, 60_000);
    await this.limit(`invite-accept:account:${accountId}`, this.config.invites.acceptsPerAccountPerMinute, 60_000);
    await this.checkMisses(clientIp);
    const invite = await this.find(code);
    if (!invite) return this.miss(clientIp);
    if (invite.kind !== 'FAMILY_JOIN') throw new InviteNotJoinableError();
    if (invite.createdBy === accountId) throw new OwnInviteError();
    const householdId = invite.householdId!;
    if (invite.usedBy === accountId) return this.family.householdAfterJoining(householdId, accountId);
    const now = new Date(this.clock.now());
    if ((await this.family.roleOf(householdId, accountId)) === null) {
      if (!(await this.invites.consume(invite.id, accountId, now))) {
        const current = (await this.invites.findById(invite.id))!;
        if (current.usedBy === accountId) return this.family.householdAfterJoining(householdId, accountId);
        throw refusalFor(inviteStatus(current, now.getTime()));
      }
      await this.family.join(householdId, accountId, invite.role!);
      await this.audit.recordWrite({
        accountId,
        householdId,
        action: 'INVITE_ACCEPT',
        subjectType: 'INVITE',
        subjectId: invite.id,
      });
      await this.invites.touch(accountId, invite.id, now);
      await this.invites.markConverted(accountId, 'JOINED', now);
    }
    return this.family.householdAfterJoining(householdId, accountId);
  }

  /** The sharer (or, for a family's invites, its owner) revokes an invite; revoking twice is harmless. */
  async revoke(accountId: string, inviteId: string, origin: string): Promise<InviteView> {
    const invite = isUuid(inviteId) ? await this.invites.findById(inviteId) : null;
    // Someone else's invite is "not found": its existence is nobody else's business.
    const allowed =
      invite !== null &&
      (invite.createdBy === accountId ||
        (invite.householdId !== null && (await this.family.mayRevokeFor(accountId, invite.householdId))));
    if (!invite || !allowed) throw new InviteNotFoundError();
    if (!invite.revokedAt) {
      if (invite.usedAt) throw new InviteUsedError();
      await this.revokeRecorded(accountId, invite);
    }
    const current = (await this.invites.findById(invite.id))!;
    if (current.usedAt && !current.revokedAt) throw new InviteUsedError();
    return this.viewOf([current], origin).then((views) => views[0]);
  }

  /** The account's invites, newest first, with their funnels and the friends they brought (masked). */
  async mine(accountId: string, first: number, origin: string): Promise<InviteView[]> {
    const invites = await this.invites.listByCreator(accountId, Math.max(1, Math.min(first, MAX_LISTED_INVITES)));
    return this.viewOf(invites, origin);
  }

  /**
   * The image a poster carries for one of the sharer's active invites: a WeChat 小程序码 with the code
   * as its scene, an Alipay QR code with `code=<code>`, or a QR code of the H5 link (cached by the
   * code service). Someone else's invite, or one no longer active, is "not found".
   */
  async codeImage(accountId: string, inviteId: string, platform: CodePlatform, origin: string): Promise<Buffer> {
    const invite = isUuid(inviteId) ? await this.invites.findById(inviteId) : null;
    if (!invite || invite.createdBy !== accountId || inviteStatus(invite, this.clock.now()) !== 'ACTIVE')
      throw new InviteNotFoundError();
    const view = this.view(invite, this.cipher.decrypt(invite.codeEncrypted), origin, []);
    return this.codes.image(platform, view.code, INVITE_PAGE, view.url);
  }

  funnel(accountId: string): Promise<InviteFunnelCounts> {
    return this.invites.funnelOf(accountId);
  }

  /**
   * A sign-in that came from a landing: the invite touches the friend (first touch within 7 days),
   * and a new account counts as signed up. Never fails the sign-in: a stale or unknown code is ignored.
   */
  async recordSignIn(accountId: string, code: string, newAccount: boolean): Promise<void> {
    try {
      const invite = await this.find(code);
      const now = this.clock.now();
      if (!invite || invite.createdBy === accountId || inviteStatus(invite, now) !== 'ACTIVE') return;
      await this.invites.touch(accountId, invite.id, new Date(now));
      // A new touch or one still in its window: a new account counts as signed up either way.
      if (newAccount) await this.invites.markSignedUp(accountId, new Date(now));
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'invite attribution of a sign-in failed');
    }
  }

  /** A signed-in friend got a quote: a conversion for the invite that touched them, if within the window. */
  async recordQuote(accountId: string): Promise<boolean> {
    await this.invites.markConverted(accountId, 'QUOTED', new Date(this.clock.now()));
    return true;
  }

  /** Inserts an invite, and for a family's or a policy's its entry in the household's audit trail. */
  @Transactional()
  private async insertRecorded(row: Parameters<InviteRepository['insert']>[0]): Promise<InviteEntity> {
    const invite = await this.invites.insert(row);
    if (invite.householdId)
      await this.audit.recordWrite({
        accountId: invite.createdBy,
        householdId: invite.householdId,
        action: 'INVITE_CREATE',
        subjectType: 'INVITE',
        subjectId: invite.id,
      });
    return invite;
  }

  @Transactional()
  private async revokeRecorded(accountId: string, invite: InviteEntity): Promise<void> {
    const revoked = await this.invites.revoke(invite.id, new Date(this.clock.now()));
    if (revoked && invite.householdId)
      await this.audit.recordWrite({
        accountId,
        householdId: invite.householdId,
        action: 'INVITE_REVOKE',
        subjectType: 'INVITE',
        subjectId: invite.id,
      });
  }

  private async viewOf(invites: readonly InviteEntity[], origin: string): Promise<InviteView[]> {
    const attributions = await this.invites.listAttributions(invites.map((invite) => invite.id));
    const labels = await this.family.labelsOf(attributions.map((row) => row.accountId));
    return invites.map((invite) => {
      const friends = attributions
        .filter((row) => row.inviteId === invite.id)
        .map((row) => ({
          name: labels.get(row.accountId) ?? '用户',
          signedUp: row.signedUpAt !== null,
          stage: funnelStageOf(row),
          conversion: row.conversion,
          touchedAt: row.touchedAt,
        }));
      return this.view(invite, this.cipher.decrypt(invite.codeEncrypted), origin, friends);
    });
  }

  private view(invite: InviteEntity, code: string, origin: string, friends: InviteFriendView[]): InviteView {
    const path = `/${INVITE_PAGE}?code=${code}`;
    return {
      id: invite.id,
      kind: invite.kind,
      title: invite.title,
      code,
      path,
      url: `${this.config.invites.publicAppUrl ?? origin}/#${path}`,
      status: inviteStatus(invite, this.clock.now()),
      role: invite.role,
      householdId: invite.householdId,
      productId: invite.productId,
      policyId: invite.policyId,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      revokedAt: invite.revokedAt,
      usedAt: invite.usedAt,
      funnel: {
        opened: Math.max(invite.openCount, friends.length),
        signedUp: friends.filter((friend) => friend.signedUp).length,
        converted: friends.filter((friend) => friend.conversion !== null).length,
        bought: friends.filter((friend) => friend.stage === 'BOUGHT').length,
      },
      friends,
    };
  }

  private async productOf(productId: string): Promise<{ product: Product; snapshot: CatalogueSnapshot } | null> {
    try {
      return await this.catalogue.getProduct(productId);
    } catch {
      // The product left the catalogue (or its insurer is down): the landing still shows who shared.
      return null;
    }
  }

  /** The invite of a code; a malformed code is hashed and looked up like any other (same time, same answer). */
  private find(code: string): Promise<InviteEntity | null> {
    const hash = hashCode(isInviteCode(code) ? code : `malformed:${code.slice(0, 64)}`);
    return this.invites.findByCodeHash(hash);
  }

  private async checkMisses(clientIp: string): Promise<void> {
    const misses = await this.rateLimiter.peek(`invite-miss:ip:${clientIp}`);
    if (misses.count >= this.config.invites.missesPerIpPerHour) throw new InviteLimitError(misses.retryAfterMs);
  }

  private async miss(clientIp: string): Promise<never> {
    await this.rateLimiter.hit(`invite-miss:ip:${clientIp}`, this.config.invites.missesPerIpPerHour, 3_600_000);
    throw new InviteNotFoundError();
  }

  private async limit(key: string, limit: number, windowMs: number): Promise<void> {
    const decision = await this.rateLimiter.hit(key, limit, windowMs);
    if (!decision.allowed) throw new InviteLimitError(decision.retryAfterMs);
  }
}

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function refusalFor(status: InviteStatus): Error {
  switch (status) {
    case 'EXPIRED':
      return new InviteExpiredError();
    case 'REVOKED':
      return new InviteRevokedError();
    default:
      return new InviteUsedError();
  }
}
