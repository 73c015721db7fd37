import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Platform } from '../identity.errors.js';

export const PlatformEnum: { [K in Platform]: K } = { WECHAT: 'WECHAT', ALIPAY: 'ALIPAY', H5: 'H5' };
registerEnumType(PlatformEnum, { name: 'Platform', description: 'WECHAT, ALIPAY, or H5 (phone number)' });

@ObjectType('PlatformIdentity', { description: 'A platform identity that signs in to the account' })
export class PlatformIdentityModel {
  @Field(() => PlatformEnum)
  platform: Platform;

  @Field({ description: 'openid, Alipay user id or phone number, masked' })
  maskedSubject: string;

  @Field()
  linkedAt: Date;
}

@ObjectType('PrivacyConsent')
export class PrivacyConsentModel {
  @Field()
  version: string;

  @Field()
  agreedAt: Date;

  @Field({ description: 'Whether this is the current policy version' })
  current: boolean;
}

@ObjectType('Account')
export class AccountModel {
  @Field(() => ID)
  id: string;

  @Field(() => [PlatformIdentityModel])
  identities: PlatformIdentityModel[];

  @Field(() => PrivacyConsentModel, { nullable: true })
  privacyConsent: PrivacyConsentModel | null;

  @Field()
  createdAt: Date;
}

@ObjectType('AuthSession', { description: 'Tokens of a signed-in session' })
export class AuthSessionModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  accessToken: string;

  @Field()
  accessTokenExpiresAt: Date;

  @Field({ description: 'Single use: refreshSession returns a new one' })
  refreshToken: string;

  @Field()
  refreshTokenExpiresAt: Date;

  @Field(() => AccountModel)
  account: AccountModel;
}

@ObjectType('PhoneCodeRequest')
export class PhoneCodeRequestModel {
  @Field()
  maskedPhone: string;

  @Field(() => Int)
  expiresInSeconds: number;

  @Field(() => Int, { description: 'When a new code may be asked for' })
  retryAfterSeconds: number;
}

@ObjectType('PrivacyPolicy')
export class PrivacyPolicyModel {
  @Field()
  version: string;
}
