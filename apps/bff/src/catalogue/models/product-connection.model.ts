import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../common/graphql/connection.js';
import { InsurerErrorModel, InsurerFreshnessModel } from './insurer.model.js';
import { ProductModel } from './product.model.js';

@ObjectType('ProductConnection')
export class ProductConnectionModel extends Connection(ProductModel, 'Product') {
  @Field(() => [InsurerErrorModel], {
    description: 'Insurers that could not be reached; the products of the others are still returned',
  })
  errors: InsurerErrorModel[];

  @Field(() => [InsurerFreshnessModel])
  freshness: InsurerFreshnessModel[];

  @Field(() => Int, { description: 'Age in seconds of the oldest data in this answer' })
  dataAgeSeconds: number;
}
