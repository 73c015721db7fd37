import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { InsurerEntity } from './entities/insurer.entity.js';

@Injectable()
export class InsurerRepository {
  constructor(private readonly database: Database) {}

  findEnabled(): Promise<InsurerEntity[]> {
    return this.database.repository(InsurerEntity).find({ where: { enabled: true }, order: { id: 'ASC' } });
  }
}
