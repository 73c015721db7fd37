import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Chunk, Compilation, Compiler, Module } from 'webpack';

/**
 * What index.html starts for the home screen before the app's scripts have run (src/index.html):
 * the home page's first request, and the home page's own code.
 */

/**
 * The URL of the home page's first request, as the app's client sends it anonymously (a GET of the
 * trusted Products document by hash: src/graphql/client.ts `getUrlOf`, with
 * src/graphql/first-screen.ts `HOME_PRODUCTS_VARIABLES`), for index.html to start it before the
 * app's scripts have loaded. A test (config/__tests__/first-screen.test.ts) holds the two equal.
 * Null when the manifest has no Products document (codegen not run).
 */
export function firstQueryUrl(
  manifestPath = path.resolve(__dirname, '../../../packages/schema/trusted-documents.json'),
): string | null {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  } catch {
    return null;
  }
  const hash = Object.keys(manifest).find((key) => /^\s*query Products\(/.test(manifest[key] ?? ''));
  if (!hash) return null;
  const variables = { first: 20, after: null, filter: {}, sort: 'SCORE' };
  const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
  return (
    `/graphql?operationName=Products&variables=${encodeURIComponent(JSON.stringify(variables))}` +
    `&extensions=${encodeURIComponent(JSON.stringify(extensions))}`
  );
}

/** Where index.html lists the home page's chunk files; the plugin below writes the list. */
export const HOME_PAGE_CHUNKS_MARKER = '/*HOME_PAGE_CHUNKS*/[]';

const PLUGIN = 'HomePageChunksPlugin';

/**
 * Writes into index.html the files (scripts and style sheets) of the chunks the router loads for
 * the home page, so that index.html can preload them on the home route while the app's own
 * scripts load. Without it the router asks for them only once the app has started, a round trip
 * later (measured: bench/h5-first-screen.ts, docs/performance.md).
 *
 * A build whose template has no marker, or whose page module is in no lazily loaded chunk, fails:
 * the preload would otherwise go quietly.
 */
export class HomePageChunksPlugin {
  constructor(
    private readonly options: {
      /** The home page's module, as a path relative to the project (the app's first page). */
      readonly pageModule: string;
      readonly publicPath: string;
      readonly html?: string;
    },
  ) {}

  apply(compiler: Compiler): void {
    const { Compilation: CompilationClass, WebpackError, sources } = compiler.webpack;
    const html = this.options.html ?? 'index.html';
    const page = path.resolve(compiler.context, this.options.pageModule);
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      // After html-webpack-plugin has written index.html (PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE).
      compilation.hooks.processAssets.tap(
        { name: PLUGIN, stage: CompilationClass.PROCESS_ASSETS_STAGE_SUMMARIZE },
        () => {
          const asset = compilation.getAsset(html);
          if (!asset) return;
          const text = asset.source.source().toString();
          if (!text.includes(HOME_PAGE_CHUNKS_MARKER)) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: ${html} has no ${HOME_PAGE_CHUNKS_MARKER}`));
            return;
          }
          const files = homePageChunkFiles(compilation, page);
          if (files.length === 0) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: no lazily loaded chunk holds ${page}`));
            return;
          }
          const urls = files.map((file) => `${this.options.publicPath}${file}`);
          compilation.updateAsset(
            html,
            new sources.RawSource(text.replace(HOME_PAGE_CHUNKS_MARKER, JSON.stringify(urls))),
          );
        },
      );
    });
  }
}

/** Script and style files of every chunk loaded with the chunk that holds `page`, initial chunks aside. */
function homePageChunkFiles(compilation: Compilation, page: string): string[] {
  const files = new Set<string>();
  for (const chunk of compilation.chunks) {
    if (chunk.canBeInitial() || !holds(compilation, chunk, page)) continue;
    for (const group of chunk.groupsIterable)
      for (const member of group.chunks)
        if (!member.canBeInitial()) for (const file of member.files) if (/\.(js|css)$/.test(file)) files.add(file);
  }
  return [...files].sort((a, b) => Number(b.endsWith('.css')) - Number(a.endsWith('.css')) || a.localeCompare(b));
}

function holds(compilation: Compilation, chunk: Chunk, page: string): boolean {
  const matches = (module: Module): boolean => {
    const resource = (module as { resource?: string }).resource?.split('?')[0];
    if (resource === page) return true;
    const inner = (module as { modules?: Module[] }).modules; // a concatenated module
    return inner?.some(matches) ?? false;
  };
  for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) if (matches(module)) return true;
  return false;
}
