import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { CatalogueModule } from '../catalogue/index.js';
import { FamilyModule } from '../family/index.js';
import { SharingModule } from '../sharing/index.js';
import { InviteCodeController } from './invite-code.controller.js';
import { InviteRepository } from './invite.repository.js';
import { InviteResolver } from './invite.resolver.js';
import { InviteService } from './invite.service.js';

/** Share-to-friend: product cards, family invites and policy summaries, and who they brought (R1–R6). */
@Module({
  imports: [CatalogueModule, FamilyModule, SharingModule, AuditModule],
  controllers: [InviteCodeController],
  providers: [InviteRepository, InviteService, InviteResolver],
  exports: [InviteService],
})
export class InvitesModule {}
