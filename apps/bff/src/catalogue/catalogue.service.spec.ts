import type { Product } from '@family/domain';
import type { AppConfig } from '../config/config.js';
import { loadConfig } from '../config/config.js';
import { CatalogueService } from './catalogue.service.js';
import type { InsurerEntity } from './entities/insurer.entity.js';
import { type InsurerAdapter, type InsurerEndpoint, UpstreamError } from './insurers/insurer.port.js';
import type { InsurerRepository } from './insurer.repository.js';

const insurer = (id: string, wireFormat: InsurerEntity['wireFormat']): InsurerEntity =>
  ({ id, name: `${id}保险`, wireFormat, endpointPath: `/${id}`, enabled: true }) as InsurerEntity;

const product = (insurerId: string, code: string, priceFrom: number, name = `${code} 医疗`): Product => ({
  id: `${insurerId}:${code}`,
  insurerId,
  name,
  category: 'MEDICAL',
  priceFrom,
});

class FakeAdapter implements InsurerAdapter {
  readonly calls: InsurerEndpoint[] = [];
  constructor(
    readonly wireFormat: InsurerEntity['wireFormat'],
    private readonly answer: (endpoint: InsurerEndpoint) => Promise<Product[]>,
  ) {}
  fetchCatalogue(endpoint: InsurerEndpoint): Promise<Product[]> {
    this.calls.push(endpoint);
    return this.answer(endpoint);
  }
}

function service(insurers: InsurerEntity[], adapters: InsurerAdapter[], config: AppConfig = loadConfig({})) {
  const repository = { findEnabled: async () => insurers } as unknown as InsurerRepository;
  return new CatalogueService(repository, adapters, config);
}

describe('CatalogueService.listProducts', () => {
  const json = new FakeAdapter('json-paged', async (endpoint) =>
    endpoint.id === 'a' ? [product('a', 'A1', 300), product('a', 'A2', 100)] : [],
  );
  const xml = new FakeAdapter('xml', async () => [product('b', 'B1', 200, '旅行无忧')]);

  it('merges every insurer into one price-ordered list and resolves endpoints against the upstream base', async () => {
    const listing = await service([insurer('a', 'json-paged'), insurer('b', 'xml')], [json, xml]).listProducts(
      {},
      10,
      null,
    );
    expect(listing.page.items.map((item) => item.node.id)).toEqual(['a:A2', 'b:B1', 'a:A1']);
    expect(listing.failures).toEqual([]);
    expect(json.calls.at(-1)?.url).toBe('http://127.0.0.1:3100/a');
  });

  it('returns the healthy insurers and names each failed one with its code', async () => {
    const broken = new FakeAdapter('xml', async () => {
      throw new UpstreamError('BAD_RESPONSE', 'truncated');
    });
    const crashing = new FakeAdapter('json-paged', async () => {
      throw new TypeError('socket hang up');
    });
    const listing = await service([insurer('a', 'json-paged'), insurer('b', 'xml')], [crashing, broken]).listProducts(
      {},
      10,
      null,
    );
    expect(listing.page.items).toEqual([]);
    expect(listing.failures).toEqual([
      { insurer: { id: 'a', name: 'a保险' }, code: 'UNAVAILABLE' },
      { insurer: { id: 'b', name: 'b保险' }, code: 'BAD_RESPONSE' },
    ]);
  });

  it('asks only the insurer a filter names, and filters by text', async () => {
    const listing = await service([insurer('a', 'json-paged'), insurer('b', 'xml')], [json, xml]).listProducts(
      { insurerId: 'b', text: '旅行' },
      10,
      null,
    );
    expect(listing.page.items.map((item) => item.node.id)).toEqual(['b:B1']);
  });

  it.each([
    [0, null, 'first'],
    [51, null, 'first'],
    [10, 'garbage!', 'after'],
  ])('refuses first=%p after=%p naming the field %s', async (first, after, field) => {
    await expect(service([insurer('a', 'json-paged')], [json]).listProducts({}, first, after)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('refuses an overlong search text naming filter.text', async () => {
    await expect(service([], []).listProducts({ text: '医'.repeat(51) }, 10, null)).rejects.toMatchObject({
      field: 'filter.text',
    });
  });
});
