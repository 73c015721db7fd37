import type { AccountModel, AuthSessionModel } from './models/account.model.js';
import type { AccountView } from './identity.service.js';
import type { IssuedSession } from './session.service.js';

export function mapAccount({ account, identities }: AccountView, currentPolicyVersion: string): AccountModel {
  return {
    id: account.id,
    identities: identities.map((identity) => ({
      platform: identity.platform,
      maskedSubject: identity.subjectMasked,
      linkedAt: identity.createdAt,
    })),
    privacyConsent:
      account.privacyPolicyVersion && account.privacyConsentedAt
        ? {
            version: account.privacyPolicyVersion,
            agreedAt: account.privacyConsentedAt,
            current: account.privacyPolicyVersion === currentPolicyVersion,
          }
        : null,
    createdAt: account.createdAt,
  };
}

export function mapSession(session: IssuedSession, account: AccountModel): AuthSessionModel {
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.accessTokenExpiresAt,
    refreshToken: session.refreshToken,
    refreshTokenExpiresAt: session.refreshTokenExpiresAt,
    account,
  };
}
