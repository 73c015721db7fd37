/** Unit tests for plain logic (formatting, list state, GraphQL client, build config). @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/config'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/taro-stub.js',
    // The shared domain package, from source (its relative imports carry .js extensions).
    '^@family/domain$': '<rootDir>/../../packages/domain/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
  },
};
