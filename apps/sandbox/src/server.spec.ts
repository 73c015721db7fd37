import { type RunningSandbox, startSandbox } from './server.js';
import { SANDBOX_PRODUCTS, productsOf } from './data/catalogue.js';

describe('sandbox over HTTP', () => {
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(0);
  });
  afterAll(() => sandbox.close());
  afterEach(() => fetch(`${sandbox.url}/__control/reset`, { method: 'POST' }));

  const control = (body: unknown): Promise<Response> =>
    fetch(`${sandbox.url}/__control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('pages the JSON insurer until total', async () => {
    const codes: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const response = await fetch(`${sandbox.url}/insurers/kangning/api/v1/products?page=${page}&pageSize=4`);
      const body = (await response.json()) as { data: { list: { productCode: string }[]; total: number } };
      codes.push(...body.data.list.map((item) => item.productCode));
      if (page * 4 >= body.data.total) break;
    }
    expect(codes).toEqual(productsOf('kangning').map((product) => product.code));
  });

  it('refuses a page size over its limit', async () => {
    const response = await fetch(`${sandbox.url}/insurers/kangning/api/v1/products?pageSize=500`);
    expect(response.status).toBe(400);
  });

  it('serves the XML insurer catalogue whole', async () => {
    const response = await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    expect(xml.match(/<product /g)).toHaveLength(productsOf('anxin').length);
    expect(SANDBOX_PRODUCTS.length).toBeGreaterThan(productsOf('anxin').length);
  });

  it('plays HTTP 500, malformed bodies and latency per insurer', async () => {
    expect((await control({ insurer: 'kangning', failureMode: 'http500' })).status).toBe(200);
    expect((await fetch(`${sandbox.url}/insurers/kangning/api/v1/products`)).status).toBe(500);
    expect((await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`)).status).toBe(200);

    await control({ insurer: 'anxin', failureMode: 'malformed' });
    const body = await (await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`)).text();
    expect(body).not.toContain('</catalogue>');

    await control({ insurer: 'anxin', latencyMs: 150 });
    const started = Date.now();
    await fetch(`${sandbox.url}/insurers/anxin/catalogue.xml`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hangs until the client gives up', async () => {
    await control({ insurer: 'kangning', failureMode: 'hang' });
    await expect(
      fetch(`${sandbox.url}/insurers/kangning/api/v1/products`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
  });

  it('answers 400 naming the field for a bad control request', async () => {
    const response = await control({ insurer: 'anxin', failureMode: 'explode' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('failureMode');
  });
});
