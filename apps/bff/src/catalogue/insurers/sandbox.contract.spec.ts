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

  describe('an unchanged catalogue is not parsed again', () => {
    const notModified = async (): Promise<Record<string, number>> =>
      ((await (await fetch(`${sandbox.url}/__stats`)).json()) as { notModified: Record<string, number> }).notModified;
    const reprice = (insurer: string, percent: number) =>
      fetch(`${sandbox.url}/__control/prices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ insurer, percent }),
      });

    // kangning pages JSON without ETags (its bytes are compared); anxin (XML) and yunfan (signed JSON)
    // answer conditional requests with 304.
    it.each([
      ['kangning', 0],
      ['anxin', 1],
      ['yunfan', 1],
    ])('%s: the same revision and product objects until it reprices (%i × 304)', async (id, expected304) => {
      // A client of its own: nothing kept from the tests above.
      const own = new UpstreamHttpClient();
      const ownAdapters: Readonly<Record<InsurerWireFormat, InsurerAdapter>> = {
        'json-paged': new JsonPagedInsurerAdapter(own),
        xml: new XmlInsurerAdapter(own),
        'signed-json': new SignedJsonInsurerAdapter(own),
      };
      const fetchCatalogue = (insurerId: string) => {
        const endpoint = endpointOf(insurerId);
        return ownAdapters[endpoint.wireFormat].fetchCatalogue(endpoint, AbortSignal.timeout(3000));
      };
      const first = await fetchCatalogue(id);
      const again = await fetchCatalogue(id);
      expect(again.revision).toBe(first.revision);
      expect(again.products).toHaveLength(first.products.length);
      again.products.forEach((product, index) => expect(product).toBe(first.products[index]));
      expect((await notModified())[id] ?? 0).toBe(expected304);

      await reprice(id, 10);
      const repriced = await fetchCatalogue(id);
      expect(repriced.revision).not.toBe(first.revision);
      repriced.products.forEach((product, index) => {
        expect(product).not.toBe(first.products[index]);
        expect(product.priceFrom).toBe(
          Math.min(...productsOf(id)[index]!.premiums.map((row) => Math.round(row.annualFen * 1.1))),
        );
      });
      // Parsed once more, then kept again.
      expect((await fetchCatalogue(id)).products[0]).toBe(repriced.products[0]);
    });

    it('parses what comes after a malformed answer, and keeps only what parsed', async () => {
      const first = await fetchCatalogue('anxin');
      await fetch(`${sandbox.url}/__control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ insurer: 'anxin', failureMode: 'malformed' }),
      });
      await expect(fetchCatalogue('anxin')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
      await fetch(`${sandbox.url}/__control/reset`, { method: 'POST' });
      const after = await fetchCatalogue('anxin');
      expect(after.revision).toBe(first.revision);
      expect(after.products[0]).toBe(first.products[0]);
      expect((await notModified()).anxin).toBe(1);
    });
  });

  it('asks a paged insurer for its known pages at once: two round trips the first time, one after', async () => {
    // kangning has two pages; every request to it waits 250 ms.
    await fetch(`${sandbox.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ insurer: 'kangning', latencyMs: 250 }),
    });
    const adapter = new JsonPagedInsurerAdapter(new UpstreamHttpClient());
    const endpoint = endpointOf('kangning');
    const timed = async () => {
      const started = performance.now();
      const catalogue = await adapter.fetchCatalogue(endpoint, AbortSignal.timeout(3000));
      return { ms: performance.now() - started, ids: catalogue.products.map((product) => product.id) };
    };
    const first = await timed();
    const second = await timed();
    expect(second.ids).toEqual(first.ids);
    expect(first.ids).toEqual(productsOf('kangning').map((product) => `kangning:${product.code}`));
    expect(first.ms).toBeGreaterThanOrEqual(500);
    expect(second.ms).toBeLessThan(500);
  });

  it('fails a signed-json insurer as UNAVAILABLE when our secret is wrong', async () => {
    await expect(fetchCatalogue('hean', 'not-the-secret')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      detail: expect.stringContaining('INVALID_SIGNATURE'),
    });
  });
});
