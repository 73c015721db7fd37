/**
 * What other features may use of the audit trail (a lint rule keeps them to this file): recording
 * reads and writes, a household's entries for its owner's log, and the purge job.
 */
export { AuditModule } from './audit.module.js';
export { AuditTrail, type AuditEntry } from './audit-trail.service.js';
export type { AuditPosition } from './audit.repository.js';
export { AuditPurgeService, type AuditPurgeSummary } from './audit-purge.service.js';
export type { AuditEventEntity } from './entities/audit-event.entity.js';
