import { Module } from '@nestjs/common';
import { AccountContactsService } from './account-contacts.service.js';
import { IdentityRepository } from './identity.repository.js';

/**
 * How other features reach an account (its platform identities, its phone), without the sign-in
 * module: that one imports features (invites) which import identity's clients, and importing it back
 * would make a cycle of modules.
 */
@Module({
  providers: [IdentityRepository, AccountContactsService],
  exports: [AccountContactsService],
})
export class AccountContactsModule {}
