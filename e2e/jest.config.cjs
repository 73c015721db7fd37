module.exports = require('../jest.preset.cjs')(__dirname, {
  displayName: 'e2e',
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 90_000,
  // One browser at a time: the machine has two cores.
  maxWorkers: 1,
});
