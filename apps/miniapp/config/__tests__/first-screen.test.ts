import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack, { type Compiler, type Stats } from 'webpack';
import { documentHashOf, getUrlOf } from '../../src/graphql/client';
import { HOME_PRODUCTS_VARIABLES } from '../../src/graphql/first-screen';
import { ProductsDocument } from '../../src/graphql/generated/graphql';
import { PRODUCT_PAGE } from '../../src/features/catalogue/routes';
import { HOME_PAGE_CHUNKS_MARKER, HomePageChunksPlugin, firstQueryUrl } from '../first-screen';

describe('the first query index.html starts', () => {
  it('is the very URL the client asks for the home page’s first page', () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentHashOf(ProductsDocument) } };
    const client = getUrlOf('/graphql', ProductsDocument.toString(), 'Products', HOME_PRODUCTS_VARIABLES, extensions);
    expect(client).not.toBeNull();
    expect(firstQueryUrl()).toBe(client);
  });

  it('is null without a manifest', () => {
    expect(firstQueryUrl('/nonexistent/trusted-documents.json')).toBeNull();
  });
});

describe('the skeleton the BFF writes the first products into (decision 021)', () => {
  const template = readFileSync(path.resolve(__dirname, '../../src/index.html'), 'utf8');
  const skeleton = /<div\s+id="first-screen-skeleton"([^>]*)>/.exec(template)?.[1] ?? '';

  it('links each product to the product page as the hash router names it', () => {
    expect(/\sdata-product-url="([^"]*)"/.exec(skeleton)?.[1]).toBe(`#${PRODUCT_PAGE}?id=`);
  });

  it('asks for the cards the home page shows in its first render', () => {
    const home = readFileSync(path.resolve(__dirname, '../../src/features/catalogue/screens/home/index.tsx'), 'utf8');
    const shown = /const FIRST_SCREEN_CARDS = (\d+);/.exec(home)?.[1];
    expect(shown).toBeDefined();
    expect(/\sdata-products="(\d+)"/.exec(skeleton)?.[1]).toBe(shown);
  });
});

describe('HomePageChunksPlugin', () => {
  const TEMPLATE = `<script>preload(${HOME_PAGE_CHUNKS_MARKER});</script>`;

  /** Builds entry.js (importing page.js lazily, or not) with an index.html holding `html`. */
  async function build(options: {
    lazy: boolean;
    html: string;
  }): Promise<{ errors: string[]; html?: string; files: string[] }> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'home-chunks-'));
    try {
      writeFileSync(path.join(dir, 'page.js'), 'export default function page() { return "home"; }\n');
      writeFileSync(path.join(dir, 'other.js'), 'export default "other";\n');
      writeFileSync(
        path.join(dir, 'entry.js'),
        options.lazy
          ? 'import("./page.js").then((m) => m.default());\nimport("./other.js");\n'
          : 'import page from "./page.js";\npage();\nimport("./other.js");\n',
      );
      const compiler = webpack({
        mode: 'production',
        context: dir,
        entry: './entry.js',
        output: { path: path.join(dir, 'dist'), filename: 'js/[name].[contenthash:8].js', publicPath: '/' },
        plugins: [
          {
            apply(c: Compiler) {
              c.hooks.thisCompilation.tap('Html', (compilation) => {
                compilation.hooks.processAssets.tap(
                  { name: 'Html', stage: c.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
                  () => compilation.emitAsset('index.html', new c.webpack.sources.RawSource(options.html)),
                );
              });
            },
          },
          new HomePageChunksPlugin({ pageModule: 'page.js', publicPath: '/' }),
        ],
      });
      const stats = await new Promise<Stats>((resolve, reject) =>
        compiler.run((error, result) => (error || !result ? reject(error) : resolve(result))),
      );
      await new Promise((resolve) => compiler.close(resolve));
      const out = path.join(dir, 'dist');
      const html = existsSync(path.join(out, 'index.html'))
        ? readFileSync(path.join(out, 'index.html'), 'utf8')
        : undefined;
      const files = existsSync(path.join(out, 'js'))
        ? readdirSync(path.join(out, 'js')).map((file) => `/js/${file}`)
        : [];
      const read = (url: string) => readFileSync(path.join(out, url), 'utf8');
      return {
        errors: stats.compilation.errors.map((error) => error.message),
        html,
        files: files.filter((f) => read(f).includes('"home"')),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('lists, in index.html, the lazily loaded chunk that holds the home page and no other', async () => {
    const { errors, html, files } = await build({ lazy: true, html: TEMPLATE });
    expect(errors).toEqual([]);
    expect(files).toHaveLength(1); // the one chunk with the page's code
    expect(html).toBe(`<script>preload(${JSON.stringify(files)});</script>`);
  });

  it('fails the build when the home page is in no lazily loaded chunk', async () => {
    const { errors } = await build({ lazy: false, html: TEMPLATE });
    expect(errors.join('\n')).toMatch(/no lazily loaded chunk holds .*page\.js/);
  });

  it('fails the build when index.html has no place for the list', async () => {
    const { errors } = await build({ lazy: true, html: '<script>preload([]);</script>' });
    expect(errors.join('\n')).toContain('index.html has no /*HOME_PAGE_CHUNKS*/[]');
  });
});
