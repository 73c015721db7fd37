// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const { frameworkFor, fastRefreshFor } = require('./config/framework');

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: frameworkFor(process.env.TARO_ENV),
        // Applies to H5 development builds only; it must agree with h5.devServer.hot (config/dev.ts).
        hot: fastRefreshFor(process.env.TARO_ENV),
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
