import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

/**
 * The one way to the database. Repositories ask it for TypeORM repositories; a service method marked
 * `@Transactional()` runs in a transaction that every repository call inside it joins, through the
 * async context of the call, without managers passed around (docs/decisions/005).
 */
@Injectable()
export class Database {
  private readonly transactions = new AsyncLocalStorage<EntityManager>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    useTransactionHost(this);
  }

  /** The manager of the transaction this call runs in, or the data source's own outside one. */
  get manager(): EntityManager {
    return this.transactions.getStore() ?? this.dataSource.manager;
  }

  repository<Entity extends ObjectLiteral>(entity: EntityTarget<Entity>): Repository<Entity> {
    return this.manager.getRepository(entity);
  }

  get inTransaction(): boolean {
    return this.transactions.getStore() !== undefined;
  }

  /**
   * Runs `work` in a transaction: all of its writes land or none does. Inside a transaction already,
   * `work` joins it (one transaction per service call, however many services it goes through).
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.dataSource.transaction((manager) => this.transactions.run(manager, work));
  }

  /** Answers when the database does (health checks). */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

/** What `@Transactional()` opens its transactions with. */
export interface TransactionHost {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

let transactionHost: TransactionHost | null = null;

/**
 * Sets what `@Transactional()` methods run in: the Database of this process (it registers itself when
 * Nest creates it), or in unit tests a fake standing in for it.
 */
export function useTransactionHost(host: TransactionHost | null): void {
  transactionHost = host;
}

/**
 * Marks a service method as one unit of work: it runs in a transaction, joined by every repository
 * call inside it, and a failure anywhere in it rolls all of it back.
 */
export function Transactional(): MethodDecorator {
  return (_target, propertyKey, descriptor: PropertyDescriptor) => {
    const method = descriptor.value as (...args: unknown[]) => Promise<unknown>;
    descriptor.value = function transactional(this: unknown, ...args: unknown[]): Promise<unknown> {
      if (!transactionHost) throw new Error(`@Transactional ${String(propertyKey)}: no Database has been created`);
      return transactionHost.transaction(() => method.apply(this, args));
    };
    Object.defineProperty(descriptor.value, 'name', { value: method.name });
    return descriptor;
  };
}
