import type { ValueTransformer } from 'typeorm';

/**
 * Money columns are `bigint` fen. node-postgres returns `bigint` as a string (PGlite as a number):
 * this reads both as a number, exact up to 2^53 − 1 fen (decision 006).
 */
export const FEN: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};
