import { Module } from '@nestjs/common';
import { PlatformClientsModule } from '../identity/index.js';
import { MiniProgramCodeService } from './mini-program-code.service.js';

/** Share-to-friend posters: the mini-program code images they carry. */
@Module({
  imports: [PlatformClientsModule],
  providers: [MiniProgramCodeService],
  exports: [MiniProgramCodeService],
})
export class SharingModule {}
