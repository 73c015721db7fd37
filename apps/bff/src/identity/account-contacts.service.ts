import { Inject, Injectable } from '@nestjs/common';
import { FIELD_CIPHER, type FieldCipher } from '../common/crypto/field-cipher.js';
import { IdentityRepository } from './identity.repository.js';

/** Where a person can be reached outside the app: the first identity of each platform they signed in with. */
export interface AccountContacts {
  readonly wechatOpenid: string | null;
  readonly alipayUserId: string | null;
  /** The H5 phone number, decrypted: personal data, never logged. */
  readonly phone: string | null;
}

/** The platform ids and phone numbers of accounts, for messages sent to them (reminders). */
@Injectable()
export class AccountContactsService {
  constructor(
    private readonly identities: IdentityRepository,
    @Inject(FIELD_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async contactsOf(accountIds: readonly string[]): Promise<Map<string, AccountContacts>> {
    const contacts = new Map<string, AccountContacts>();
    for (const accountId of accountIds)
      contacts.set(accountId, { wechatOpenid: null, alipayUserId: null, phone: null });
    for (const identity of await this.identities.identitiesOfAccounts(accountIds)) {
      const held = contacts.get(identity.accountId)!;
      if (identity.platform === 'WECHAT' && held.wechatOpenid === null)
        contacts.set(identity.accountId, { ...held, wechatOpenid: identity.subject });
      else if (identity.platform === 'ALIPAY' && held.alipayUserId === null)
        contacts.set(identity.accountId, { ...held, alipayUserId: identity.subject });
      else if (identity.platform === 'H5' && held.phone === null && identity.subjectEncrypted)
        contacts.set(identity.accountId, { ...held, phone: this.cipher.decrypt(identity.subjectEncrypted) });
    }
    return contacts;
  }
}
