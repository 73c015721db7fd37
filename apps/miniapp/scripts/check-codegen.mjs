#!/usr/bin/env node
// Fails when the committed files in src/graphql/generated/, or the trusted-documents manifest
// (packages/schema/trusted-documents.json), are stale: regenerates them into a temporary directory
// from the current schema and documents, then compares file by file.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultManifestPath, defaultOutDir, writeGenerated } from './codegen.mjs';

async function listFiles(dir) {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Prints the first differing line, to help see what changed. */
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}:\n  committed: ${b[i] ?? '<end of file>'}\n  expected:  ${a[i] ?? '<end of file>'}`;
    }
  }
  return '';
}

const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'miniapp-codegen-'));
let stale = false;
try {
  const tmpManifest = path.join(tmpDir, 'manifest', path.basename(defaultManifestPath));
  await writeGenerated(tmpDir, tmpManifest);
  const expectedManifest = await readFile(tmpManifest, 'utf8');
  const committedManifest = await readFile(defaultManifestPath, 'utf8').catch(() => null);
  if (committedManifest === null) {
    console.error(`codegen:check: ${path.relative(process.cwd(), defaultManifestPath)} is missing`);
    stale = true;
  } else if (committedManifest !== expectedManifest) {
    console.error(
      `codegen:check: ${path.relative(process.cwd(), defaultManifestPath)} is stale, ${firstDifference(expectedManifest, committedManifest)}`,
    );
    stale = true;
  }
  const expectedFiles = await listFiles(tmpDir);
  const committedFiles = await listFiles(defaultOutDir);
  for (const name of new Set([...expectedFiles, ...committedFiles])) {
    if (!expectedFiles.includes(name)) {
      console.error(`codegen:check: src/graphql/generated/${name} is no longer generated`);
      stale = true;
      continue;
    }
    if (!committedFiles.includes(name)) {
      console.error(`codegen:check: src/graphql/generated/${name} is missing`);
      stale = true;
      continue;
    }
    const expected = await readFile(path.join(tmpDir, name), 'utf8');
    const committed = await readFile(path.join(defaultOutDir, name), 'utf8');
    if (expected !== committed) {
      console.error(`codegen:check: src/graphql/generated/${name} is stale, ${firstDifference(expected, committed)}`);
      stale = true;
    }
  }
} catch (error) {
  console.error(`codegen:check failed: ${error instanceof Error ? error.message : String(error)}`);
  stale = true;
} finally {
  await rm(tmpDir, { recursive: true, force: true });
}

if (stale) {
  console.error('Run `pnpm --filter @family/miniapp codegen` and commit the result.');
  process.exit(1);
}
console.log('codegen:check: generated GraphQL types and the trusted-documents manifest are up to date');
