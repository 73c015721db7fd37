import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { Database } from './database.js';
import { openDataSource } from './data-source.js';
import { seedDemoData } from './seed.js';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DataSource,
          useFactory: async (): Promise<DataSource> => {
            const dataSource = await openDataSource(config.database);
            if (config.demoSeed)
              await seedDemoData(dataSource, config.demoSeed.sandboxUrl, config.demoSeed.generatedInsurers === true);
            return dataSource;
          },
        },
        Database,
      ],
      // DataSource stays inside: features reach the database through Database and their repositories.
      exports: [Database],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
