import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import familyRules from './packages/lint-rules/src/feature-boundaries.mjs';

/** Where features live, and which code every feature shares (packages/lint-rules). */
const FEATURE_TREES = [
  {
    root: 'apps/bff/src',
    features: '.',
    notFeatures: ['common', 'config', 'database', 'schema'],
    shared: ['common', 'config'],
  },
  {
    root: 'apps/miniapp/src',
    features: 'features',
    shared: ['components', 'graphql', 'hooks', 'platform', 'session', 'utils'],
    alias: '@/',
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      // Other builds of the BFF kept for a same-run baseline (bench:catalogue, BENCH_BFF_BASELINE_DIR).
      'apps/bff/dist-*/**',
      '**/.temp/**',
      '**/coverage/**',
      'apps/miniapp/src/graphql/generated/**',
      '**/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['log', 'error', 'warn'] }],
      // A callback may run before the assignment it reads (mini-program APIs can call back synchronously).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // A feature is used by others only through its index.ts; shared code depends on no feature.
    files: ['apps/bff/src/**/*.ts', 'apps/miniapp/src/**/*.{ts,tsx}'],
    plugins: { family: familyRules },
    rules: { 'family/feature-boundaries': ['error', ...FEATURE_TREES] },
  },
  {
    // One way to the database (docs/decisions/005): only repositories, entities and the database
    // folder touch TypeORM; services and resolvers go through repositories.
    files: ['apps/bff/src/**/*.ts'],
    ignores: ['apps/bff/src/**/*.repository.ts', 'apps/bff/src/**/entities/**', 'apps/bff/src/database/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'typeorm/*', 'pg', '@electric-sql/*'],
              message: 'Reach the database through a repository (<feature>.repository.ts) and Database.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is plain TypeScript shared by the BFF and the mini-program: no framework, no I/O.
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', '@tarojs/*', 'react', 'react-*', 'fastify', 'mercurius'],
              message: 'packages/domain holds pure rules: no NestJS, TypeORM, Taro or React.',
            },
            {
              group: ['graphql', 'ioredis', 'pg', '@electric-sql/*', 'node:*', 'fs', 'http', 'https', 'net'],
              message: 'packages/domain does no I/O: keep it in the BFF or the client.',
            },
          ],
        },
      ],
    },
  },
  {
    // CommonJS configuration files (babel, jest) and test stubs.
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'bench/**', '.ci/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
);
