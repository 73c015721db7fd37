// Builds what the benchmarks use, when needed: @family/domain and @family/bff (bench:drivers imports
// the resolver from the BFF's compiled dist, emitted by tsc with decorator metadata; bench:catalogue
// and bench:abuse run dist/main.js), @family/sandbox (their upstream insurers), then the bench.
// A dist is rebuilt when it is missing or older than any of its sources. BENCH_SKIP_BUILD=1 skips
// the dependency check (the bench itself is always compiled; tsc takes a few seconds).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(dir, accept) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full, accept));
    else if (accept(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

const isSource = (name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts');
const isOutput = (name) => name.endsWith('.js');

function stale(pkgDir) {
  const outputs = newestMtime(path.join(pkgDir, 'dist'), isOutput);
  return outputs === 0 || newestMtime(path.join(pkgDir, 'src'), isSource) > outputs;
}

function run(command) {
  console.log(`$ ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

if (process.env.BENCH_SKIP_BUILD !== '1') {
  try {
    const domainStale = stale(path.join(root, 'packages/domain'));
    if (domainStale) run('pnpm --filter @family/domain build');
    if (domainStale || stale(path.join(root, 'apps/bff'))) run('pnpm --filter @family/bff build');
    if (stale(path.join(root, 'apps/sandbox'))) run('pnpm --filter @family/sandbox build');
  } catch {
    console.error(
      '\nBuilding @family/domain, @family/bff or @family/sandbox failed (see above). Fix the build, or run with ' +
        'BENCH_SKIP_BUILD=1 to benchmark the dist that is already there.',
    );
    process.exit(1);
  }
}
run('pnpm --filter @family/bench build');
