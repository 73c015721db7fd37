import type { FastifyInstance } from 'fastify';
import type { SandboxInsurer } from '../data/catalogue.js';
import { productsOf } from '../data/catalogue.js';

const MAX_PAGE_SIZE = 10;

/**
 * A paginated JSON upstream: `GET /insurers/:code/api/v1/products?page=1&pageSize=10`, answering
 * `{ code: 0, message: 'ok', data: { list, page, pageSize, total } }` with premiums as yuan strings.
 */
export function registerJsonInsurer(app: FastifyInstance, insurer: SandboxInsurer): void {
  app.get<{ Querystring: { page?: string; pageSize?: string } }>(
    `/insurers/${insurer.code}/api/v1/products`,
    async (request, reply) => {
      const page = Number(request.query.page ?? '1');
      const pageSize = Number(request.query.pageSize ?? String(MAX_PAGE_SIZE));
      if (
        !Number.isInteger(page) ||
        page < 1 ||
        !Number.isInteger(pageSize) ||
        pageSize < 1 ||
        pageSize > MAX_PAGE_SIZE
      ) {
        return reply.code(400).send({ code: 40001, message: 'invalid page or pageSize', data: null });
      }
      const all = productsOf(insurer.code);
      const list = all.slice((page - 1) * pageSize, page * pageSize).map((product) => ({
        productCode: product.code,
        productName: product.name,
        category: product.categoryWord,
        premiumTable: product.premiums.map((band) => ({
          ageFrom: band.minAge,
          ageTo: band.maxAge,
          annualPremium: band.annualYuan.toFixed(2),
        })),
      }));
      return { code: 0, message: 'ok', data: { list, page, pageSize, total: all.length } };
    },
  );
}

/** A body cut off half-way, as a proxy that drops the connection would deliver it. */
export const MALFORMED_JSON = '{"code":0,"message":"ok","data":{"list":[{"productCode":"';
