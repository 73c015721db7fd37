#!/usr/bin/env node
// Removes build output folders before a build, so that a deleted source file cannot live on as a
// stale compiled file that other packages still import (tsc never deletes outputs).
// Usage: node ../../scripts/clean.mjs dist [more folders]
import { rmSync } from 'node:fs';

for (const folder of process.argv.slice(2)) rmSync(folder, { recursive: true, force: true });
