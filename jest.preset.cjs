// Shared jest settings: native ESM (run with --experimental-vm-modules), TypeScript through SWC
// with decorator metadata (NestJS needs it), workspace packages mapped to their sources.
const path = require('node:path');

module.exports = function preset(dir, overrides = {}) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true },
            target: 'es2022',
            keepClassNames: true,
          },
          module: { type: 'es6' },
          sourceMaps: 'inline',
        },
      ],
    },
    moduleNameMapper: {
      '^@family/domain$': path.join(__dirname, 'packages/domain/src/index.ts'),
      '^@family/sandbox$': path.join(__dirname, 'apps/sandbox/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    ...overrides,
  };
};
