#!/usr/bin/env node
// `pnpm test`: builds what the integration tests run, then every suite: unit, contract and
// integration (jest, per package), and the H5 end-to-end journeys in headless Chromium.
// Set DATABASE_URL to run the database-backed suites on a PostgreSQL server instead of PGlite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

function step(title, command, args, cwd) {
  console.log(`\n=== ${title}`);
  if (run(command, args, cwd) !== 0) {
    console.error(`\n${title} failed`);
    process.exit(1);
  }
}

step('build domain, sandbox and BFF', 'pnpm', [
  '--filter',
  '@family/domain',
  '--filter',
  '@family/sandbox',
  '--filter',
  '@family/bff',
  'build',
]);

const suites = [
  { name: 'domain', dir: 'packages/domain', esm: true },
  { name: 'lint-rules', dir: 'packages/lint-rules', esm: true },
  { name: 'sandbox', dir: 'apps/sandbox', esm: true },
  { name: 'bff', dir: 'apps/bff', esm: true },
  { name: 'miniapp', dir: 'apps/miniapp', esm: false },
];

const runE2e = existsSync(chromium) || process.env.CI === 'true';
if (runE2e) {
  step('build the H5 app', 'pnpm', ['--filter', '@family/miniapp', 'build:h5']);
  suites.push({ name: 'e2e', dir: 'e2e', esm: true });
}

const jest = join(root, 'node_modules/jest/bin/jest.js');
let passed = 0;
let failed = 0;
const failedSuites = [];
for (const suite of suites) {
  console.log(`\n=== jest: ${suite.name}${process.env.DATABASE_URL ? ' (PostgreSQL)' : ''}`);
  const outputFile = join(resultsDir, `${suite.name}.json`);
  const args = [
    ...(suite.esm ? ['--experimental-vm-modules'] : []),
    jest,
    '--maxWorkers=2',
    '--json',
    `--outputFile=${outputFile}`,
  ];
  const status = run(process.execPath, args, join(root, suite.dir));
  let report = null;
  try {
    report = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    // No report: the run itself broke (counted as a failure below).
  }
  if (report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (status !== 0 || !report || report.numTotalTests === 0) failedSuites.push(suite.name);
}

console.log('\n=== summary');
if (!runE2e) console.log(`e2e: SKIPPED, no Chromium at ${chromium} (apt-get install -y chromium); CI always runs it`);
if (failedSuites.length > 0) console.log(`failing: ${failedSuites.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedSuites.length > 0 ? 1 : 0);
