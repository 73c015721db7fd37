import {
  type RunningSandbox,
  SANDBOX_INSURERS,
  SANDBOX_SIGNING_SECRETS,
  productsOf,
  startSandbox,
} from '@family/sandbox';
import { DEMO_INSURERS } from '../../database/seed.js';
import type { InsurerWireFormat } from '../entities/insurer.entity.js';
import type { InsurerAdapter, InsurerEndpoint } from './insurer.port.js';
import { JsonPagedInsurerAdapter } from './json-paged.adapter.js';
import { SignedJsonInsurerAdapter } from './signed-json.adapter.js';
import { UpstreamHttpClient } from './upstream-http.client.js';
import { XmlInsurerAdapter } from './xml.adapter.js';

/**
 * Every seeded insurer through its adapter against the live sandbox: the seed, the sandbox and the
 * adapters must agree on paths, formats, secrets and data.
 */
describe('adapters against the sandbox', () => {
  let sandbox: RunningSandbox;
  const http = new UpstreamHttpClient();
  const adapters: Readonly<Record<InsurerWireFormat, InsurerAdapter>> = {
    'json-paged': new JsonPagedInsurerAdapter(http),
    xml: new XmlInsurerAdapter(http),
    'signed-json': new SignedJsonInsurerAdapter(http),
  };

  beforeAll(async () => {
    sandbox = await startSandbox(0);
  });
  afterAll(() => sandbox.close());
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  const endpointOf = (id: string, secret?: string | null): InsurerEndpoint => {
    const insurer = DEMO_INSURERS.find((candidate) => candidate.id === id)!;
    return {
      ...insurer,
      url: `${sandbox.url}${insurer.endpointPath}`,
      secret: secret === undefined ? (SANDBOX_SIGNING_SECRETS[id] ?? null) : secret,
    };
  };
  const fetchCatalogue = (id: string, secret?: string | null) => {
    const endpoint = endpointOf(id, secret);
    return adapters[endpoint.wireFormat].fetchCatalogue(endpoint, AbortSignal.timeout(3000));
  };

  it('seeds every sandbox insurer, and nothing else', () => {
    expect(DEMO_INSURERS.map((insurer) => [insurer.id, insurer.name])).toEqual(
      SANDBOX_INSURERS.map((insurer) => [insurer.code, insurer.name]),
    );
  });

  it.each(DEMO_INSURERS.map((insurer) => [insurer.id, insurer.wireFormat]))(
    'reads %s (%s) whole, facts included',
    async (id) => {
      const catalogue = await fetchCatalogue(id);
      const upstream = SANDBOX_INSURERS.find((insurer) => insurer.code === id)!;
      expect(catalogue.insurer).toEqual({ id, name: upstream.name, ...upstream.facts });
      expect(catalogue.products.map((product) => product.id)).toEqual(
        productsOf(id).map((product) => `${id}:${product.code}`),
      );
      for (const product of catalogue.products) {
        const source = productsOf(id).find((candidate) => `${id}:${candidate.code}` === product.id)!;
        expect(product.premiums).toHaveLength(source.premiums.length);
        expect(product.coverage.map((item) => item.key)).toEqual(source.coverage.map((item) => item.key));
        expect(product.priceFrom).toBe(Math.min(...source.premiums.map((row) => row.annualFen)));
      }
    },
  );

  it.each([
    ['kangning', 'malformed', 'BAD_RESPONSE'],
    ['anxin', 'malformed', 'BAD_RESPONSE'],
    ['yunfan', 'malformed', 'BAD_RESPONSE'],
    ['kangning', 'http500', 'UNAVAILABLE'],
    ['anxin', 'http500', 'UNAVAILABLE'],
    ['yunfan', 'http500', 'UNAVAILABLE'],
  ])('fails %s playing %s as %s', async (id, failureMode, code) => {
    await fetch(`${sandbox.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ insurer: id, failureMode }),
    });
    await expect(fetchCatalogue(id)).rejects.toMatchObject({ code });
  });

  it('fails a signed-json insurer as UNAVAILABLE when our secret is wrong', async () => {
    await expect(fetchCatalogue('hean', 'not-the-secret')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: expect.stringContaining('INVALID_SIGNATURE'),
    });
  });
});
