import type { UserConfigExport } from '@tarojs/cli';
import { fastRefreshFor } from './framework';

export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // Fast refresh where the framework has one that works here (config/framework.js); else an
      // edit reloads the page.
      hot: fastRefreshFor('h5'),
      // `pnpm dev:h5` serves the app itself; forward API calls to a locally running BFF.
      proxy: {
        '/graphql': {
          target: process.env.BFF_ORIGIN ?? 'http://localhost:3000',
          changeOrigin: true,
        },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>;
