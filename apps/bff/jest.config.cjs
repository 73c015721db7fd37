module.exports = require('../../jest.preset.cjs')(__dirname, {
  displayName: 'bff',
  // Integration suites start a BFF, a database and the sandbox each; give them room.
  testTimeout: 60_000,
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts'],
});
