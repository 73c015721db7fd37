// babel-preset-taro, as the app's (apps/miniapp/babel.config.js).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
