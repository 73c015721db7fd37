/** What other features may use of invites: the module, and the service sign-in reports to (attribution). */
export { InvitesModule } from './invites.module.js';
export { InviteService } from './invite.service.js';
