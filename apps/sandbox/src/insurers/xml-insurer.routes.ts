import type { FastifyInstance } from 'fastify';
import type { SandboxInsurer, SandboxProduct } from '../data/catalogue.js';
import { type PriceChanges, RenderedCatalogue, matchesEtag } from '../data/price-changes.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `general-medical` → `GENERAL_MEDICAL`: this upstream spells liability types as constants. */
function liabilityType(key: string): string {
  return key.toUpperCase().replace(/-/g, '_');
}

function renderInsurer(insurer: SandboxInsurer): string {
  const { facts } = insurer;
  return [
    `  <insurer code="${escapeXml(insurer.code)}">`,
    `    <name>${escapeXml(insurer.name)}</name>`,
    // Filings state registered capital in 万元 and rates in percent.
    `    <registeredCapital unit="万元">${facts.registeredCapitalYuan / 10_000}</registeredCapital>`,
    `    <complaintRate unit="%">${Number((facts.complaintRate * 100).toFixed(4))}</complaintRate>`,
    `    <solvencyRatio unit="%">${facts.solvencyRatio}</solvencyRatio>`,
    `    <riskRating>${facts.riskRating}</riskRating>`,
    `    <claims averageDays="${facts.averageClaimDays}" onlineRate="${facts.onlineClaimRate}"/>`,
    `  </insurer>`,
  ].join('\n');
}

function renderProduct(product: SandboxProduct): string {
  const liabilities = product.coverage.map(
    (item) =>
      `      <liability type="${liabilityType(item.key)}" sumFen="${item.sumInsuredFen}"${
        item.note === undefined ? '' : ` note="${escapeXml(item.note)}"`
      }>${escapeXml(item.name)}</liability>`,
  );
  const plans = product.plans.map((plan) => `      <plan code="${escapeXml(plan.key)}">${escapeXml(plan.name)}</plan>`);
  const questions = product.healthQuestions.map((question) => `      <question>${escapeXml(question)}</question>`);
  const bands = product.premiums.map(
    (row) =>
      `      <band plan="${escapeXml(row.plan)}" social="${row.socialInsurance}" minAge="${row.minAge}" maxAge="${row.maxAge}" annualFen="${row.annualFen}"${
        row.monthlyFen === null ? '' : ` monthlyFen="${row.monthlyFen}"`
      }/>`,
  );
  const clauses = product.exclusions.map((clause) => `      <clause>${escapeXml(clause)}</clause>`);
  const block = (tag: string, lines: string[]): string =>
    lines.length === 0 ? `    <${tag}/>` : `    <${tag}>\n${lines.join('\n')}\n    </${tag}>`;
  return [
    `  <product id="${escapeXml(product.code)}">`,
    `    <title>${escapeXml(product.name)}</title>`,
    `    <line>${product.category}</line>`,
    `    <terms deductibleFen="${product.deductibleFen}" waitingDays="${product.waitingPeriodDays}" renewalYears="${product.guaranteedRenewalYears}" minAge="${product.minAge}" maxAge="${product.maxAge}" maxOccupation="${product.maxOccupationClass}"/>`,
    block('liabilities', liabilities),
    block('plans', plans),
    block('healthDisclosure', questions),
    block('premiums', bands),
    block('exclusions', clauses),
    `  </product>`,
  ].join('\n');
}

/**
 * An XML upstream that returns its whole catalogue at once: `GET /insurers/:code/catalogue.xml`, the
 * insurer's facts in `<insurer>`, money in fen as attributes, lines as English constants: a different
 * shape on purpose.
 */
export function registerXmlInsurer(app: FastifyInstance, insurer: SandboxInsurer, prices: PriceChanges): void {
  // Rendered once per price revision (a hundred generated insurers would otherwise keep the sandbox's
  // one event loop busy rendering), with an ETag: a catalogue file, answered 304 when unchanged.
  const catalogue = new RenderedCatalogue(
    insurer.code,
    prices,
    (products) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<catalogue insurer="${escapeXml(insurer.code)}">\n${renderInsurer(insurer)}\n${products.map(renderProduct).join('\n')}\n</catalogue>\n`,
  );
  app.get(`/insurers/${insurer.code}/catalogue.xml`, async (request, reply) => {
    const { body, etag } = catalogue.current();
    reply.header('etag', etag);
    if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/xml; charset=utf-8').send(body);
  });
}

export const MALFORMED_XML = '<?xml version="1.0" encoding="UTF-8"?>\n<catalogue><product id="';
