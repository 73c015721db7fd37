import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { InfrastructureModule } from './common/infrastructure.module.js';
import { graphqlOptions } from './common/graphql/graphql.config.js';
import type { AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { FamilyModule } from './family/family.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { InvitesModule } from './invites/index.js';
import { JobsModule } from './jobs/jobs.module.js';
import { RemindersModule } from './reminders/index.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        InfrastructureModule.forRoot(config),
        GraphQLModule.forRoot<MercuriusDriverConfig>(graphqlOptions(config)),
        HealthModule,
        CatalogueModule,
        IdentityModule,
        FamilyModule,
        InvitesModule,
        RemindersModule,
        JobsModule,
      ],
    };
  }
}
