/**
 * One benchmark target, run in its own child process so that the load generator (autocannon, in the
 * parent) and the server under test never share an event loop. Started by graphql-drivers.ts as
 * `node dist/drivers/server.js <target>`; reports `{ type: 'ready', port }` over IPC, and closes the
 * app and exits when it receives `{ type: 'close' }`.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import Fastify from 'fastify';
// The BFF's real resolver and the classes it injects, from the BFF's compiled output (tsc with
// emitDecoratorMetadata, so Nest can read the constructor's parameter types).
import { ProductListingService } from '@family/bff/dist/catalogue/product-listing.service.js';
import { ProductsResolver } from '@family/bff/dist/catalogue/products.resolver.js';
import { QuoteService } from '@family/bff/dist/catalogue/quote.service.js';
import { LISTING } from './fixture.js';
import { TARGETS, type TargetName } from './targets.js';

const HOST = '127.0.0.1';

/** Stands in for ProductListingService: no database, no insurers, the same listing on every call. */
const fixedCatalogue: Pick<ProductListingService, 'listProducts'> = {
  listProducts: () => Promise.resolve(LISTING),
};

@Module({
  providers: [
    ProductsResolver,
    { provide: ProductListingService, useValue: fixedCatalogue },
    // The benchmark asks for products only.
    { provide: QuoteService, useValue: {} },
  ],
})
class CatalogueBenchModule {}

@Module({})
class BenchAppModule {
  static with(graphql: DynamicModule): DynamicModule {
    return { module: BenchAppModule, imports: [graphql, CatalogueBenchModule] };
  }
}

/** `jit: 1` compiles a query with graphql-jit once it has run once (as the BFF does); 0 never does. */
const mercurius = (jit: number): DynamicModule =>
  GraphQLModule.forRoot<MercuriusDriverConfig>({
    driver: MercuriusDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: false,
    jit,
  });

const apollo = (): DynamicModule =>
  GraphQLModule.forRoot<ApolloDriverConfig>({
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    graphiql: false,
  });

async function startNest(graphql: DynamicModule): Promise<{ port: number; close: () => Promise<void> }> {
  const app = await NestFactory.create<NestFastifyApplication>(
    BenchAppModule.with(graphql) as unknown as Type<unknown>,
    new FastifyAdapter({ logger: false }),
    { logger: ['error', 'warn'] },
  );
  await app.listen(0, HOST);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { port, close: () => app.close() };
}

async function startBareFastify(): Promise<{ port: number; close: () => Promise<void> }> {
  const fastify = Fastify({ logger: false });
  fastify.get('/', async () => ({ hello: 'world' }));
  await fastify.listen({ port: 0, host: HOST });
  const { port } = fastify.server.address() as AddressInfo;
  return { port, close: () => fastify.close() };
}

function start(target: TargetName): Promise<{ port: number; close: () => Promise<void> }> {
  switch (target) {
    case 'fastify-bare':
      return startBareFastify();
    case 'mercurius-jit':
      return startNest(mercurius(1));
    case 'mercurius-nojit':
      return startNest(mercurius(0));
    case 'apollo':
      return startNest(apollo());
  }
}

async function main(): Promise<void> {
  const target = process.argv[2] as TargetName;
  if (!TARGETS.includes(target))
    throw new Error(`unknown target "${process.argv[2]}"; expected one of ${TARGETS.join(', ')}`);
  if (!process.send) throw new Error('server.ts must be started by graphql-drivers.ts (needs an IPC channel)');
  const server = await start(target);
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'close') return;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  // If the parent dies without saying goodbye, do not linger.
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'ready', port: server.port });
}

main().catch((error: unknown) => {
  console.error(`[${process.argv[2]}] failed to start:`, error);
  process.exit(1);
});
