module.exports = require('../../jest.preset.cjs')(__dirname, {
  displayName: 'lint-rules',
  testMatch: ['**/*.test.mjs'],
  transform: {},
});
