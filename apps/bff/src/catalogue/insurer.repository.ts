import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { InsurerEntity } from './entities/insurer.entity.js';

@Injectable()
export class InsurerRepository {
  private readonly repository: Repository<InsurerEntity>;

  constructor(@Inject(DataSource) dataSource: DataSource) {
    this.repository = dataSource.getRepository(InsurerEntity);
  }

  findEnabled(): Promise<InsurerEntity[]> {
    return this.repository.find({ where: { enabled: true }, order: { id: 'ASC' } });
  }
}
