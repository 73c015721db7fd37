import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';

/** Cursor pagination (Relay connections): `first` items after a cursor. */
@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface EdgeShape<Node> {
  cursor: string;
  node: Node;
}

export interface ConnectionShape<Node> {
  edges: EdgeShape<Node>[];
  pageInfo: PageInfoModel;
  totalCount: number;
}

/**
 * A `<Name>Connection` type with `<Name>Edge`s over `node`; extend the returned class to add fields
 * (the product connection adds per-insurer errors and freshness). `edgeBase`, an abstract object type,
 * adds fields to the edge (the product edge's search highlights).
 */
export function Connection<Node>(node: Type<Node>, name: string, edgeBase?: Type<object>): Type<ConnectionShape<Node>> {
  const Base: Type<object> = edgeBase ?? class {};

  @ObjectType(`${name}Edge`)
  class Edge extends Base implements EdgeShape<Node> {
    @Field()
    cursor: string;

    @Field(() => node)
    node: Node;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<Node> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfoModel)
    pageInfo: PageInfoModel;

    @Field(() => Int, { description: 'How many items match, on every page' })
    totalCount: number;
  }
  return ConnectionType as Type<ConnectionShape<Node>>;
}
