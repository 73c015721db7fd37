import type { FastifyInstance } from 'fastify';
import type { SandboxInsurer } from '../data/catalogue.js';
import { productsOf } from '../data/catalogue.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An XML upstream that returns its whole catalogue at once: `GET /insurers/:code/catalogue.xml`.
 * Premiums are in fen as attributes, categories are English words: a different shape on purpose.
 */
export function registerXmlInsurer(app: FastifyInstance, insurer: SandboxInsurer): void {
  app.get(`/insurers/${insurer.code}/catalogue.xml`, async (_request, reply) => {
    const products = productsOf(insurer.code)
      .map((product) => {
        const bands = product.premiums
          .map(
            (band) =>
              `      <band minAge="${band.minAge}" maxAge="${band.maxAge}" annualFen="${Math.round(band.annualYuan * 100)}"/>`,
          )
          .join('\n');
        return [
          `  <product id="${escapeXml(product.code)}">`,
          `    <title>${escapeXml(product.name)}</title>`,
          `    <line>${escapeXml(product.categoryWord)}</line>`,
          `    <premiums>\n${bands}\n    </premiums>`,
          `  </product>`,
        ].join('\n');
      })
      .join('\n');
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<catalogue insurer="${escapeXml(insurer.code)}">\n${products}\n</catalogue>\n`;
    return reply.type('application/xml; charset=utf-8').send(xml);
  });
}

export const MALFORMED_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<catalogue><product id="';
