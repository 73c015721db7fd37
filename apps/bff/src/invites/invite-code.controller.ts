import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidInputError } from '../common/app-error.js';
import { CurrentSession, RequestOrigin } from '../common/auth/request-auth.js';
import type { SessionClaims } from '../common/auth/session-claims.js';
import { AppErrorHttpFilter } from '../common/http/app-error.filter.js';
import type { CodePlatform } from '../sharing/index.js';
import { InviteService } from './invite.service.js';

const PLATFORMS: readonly CodePlatform[] = ['WECHAT', 'ALIPAY', 'H5'];

/**
 * `GET /invites/:id/code.png?platform=WECHAT|ALIPAY|H5`: the code a poster carries, for the invite's
 * sharer (a session is needed like everywhere; the mini-programs download it with the header).
 */
@Controller('invites')
@UseFilters(AppErrorHttpFilter)
export class InviteCodeController {
  constructor(private readonly invites: InviteService) {}

  @Get(':id/code.png')
  async code(
    @CurrentSession() session: SessionClaims,
    @Param('id') id: string,
    @Query('platform') platform: string | undefined,
    @RequestOrigin() origin: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!PLATFORMS.includes(platform as CodePlatform))
      throw new InvalidInputError('platform', 'platform 需为 WECHAT、ALIPAY 或 H5');
    const png = await this.invites.codeImage(session.accountId, id, platform as CodePlatform, origin);
    void reply.type('image/png').header('cache-control', 'private, max-age=3600').send(png);
  }
}
