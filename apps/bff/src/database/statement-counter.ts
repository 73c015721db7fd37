import type { Logger } from 'typeorm';
import { countStatement } from '../common/request-context.js';

/**
 * TypeORM's logger, used only to count the statements each request runs (never to log SQL, which
 * would carry personal data). The count is the `x-db-statements` header outside production, what the
 * tests read to prove a household's overview costs the same number of statements at any size.
 */
export class StatementCounter implements Logger {
  logQuery(): void {
    countStatement();
  }
  logQueryError(): void {
    countStatement();
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
