import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';
import { HomePageChunksPlugin, firstQueryUrl } from './first-screen';
import { releaseApiUrlProblem } from './release-url';
import { frameworkFor } from './framework';

// Taro build configuration, shared by weapp, alipay and h5.
// Docs: https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge, { command, mode }) => {
  const platform = process.env.TARO_ENV;
  // Taro has already read .env, .env.local, .env.<mode> and .env.<mode>.local into process.env,
  // where a variable set in the shell wins over the files. Mode: `--mode`, else NODE_ENV
  // (`production` for a plain `taro build`, `development` with `--watch`).
  const apiUrl = process.env.TARO_APP_API_URL;
  // A release build of a mini-program must not call a BFF on this machine: any `taro build` of weapp
  // or alipay except in development mode (`build:weapp:dev`, `build:alipay:dev`, watch builds).
  if (command === 'build' && mode !== 'development' && (platform === 'weapp' || platform === 'alipay')) {
    const problem = releaseApiUrlProblem(apiUrl, platform);
    if (problem) {
      // Taro catches errors thrown here and goes on with an empty config: stop the build instead.
      console.error(`\n${problem}\n`);
      process.exit(1);
    }
  }

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'family-insurance-miniapp',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One output folder per platform: dist/weapp, dist/alipay, dist/h5
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    // process.env.TARO_APP_API_URL in the code (src/graphql/client.ts). Taro defines only the
    // variables found in .env files; defining it here also takes one set in the shell alone, and
    // leaves no `process` reference in a mini-program when it is not set at all.
    env: { TARO_APP_API_URL: JSON.stringify(apiUrl ?? '') },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: {
      patterns: [],
      options: {},
    },
    // React on the mini-programs, Preact on H5 (config/framework.js).
    framework: frameworkFor(platform),
    // Taro's development-only prebundling would give @tarojs/taro's hooks a second copy of Preact's
    // hook state, and a development build on Preact would not render ("reading 'context'").
    compiler: frameworkFor(platform) === 'preact' ? { type: 'webpack5', prebundle: { enable: false } } : 'webpack5',
    cache: {
      enable: false,
    },
    mini: {
      // Component styles are BEM-scoped, so their order across pages does not matter (as for h5).
      miniCssExtractPluginOption: {
        ignoreOrder: true,
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
      },
    },
    h5: {
      // The BFF serves this build as static files at the site root (http://localhost:3000/).
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        // Hash routing: the server only has to serve index.html, no history fallback needed.
        mode: 'hash',
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        // index.html starts the home page's first request before the scripts load (src/index.html).
        if (chain.plugins.has('htmlWebpackPlugin')) {
          chain
            .plugin('htmlWebpackPlugin')
            .tap((args: Record<string, unknown>[]) => [
              { ...args[0], firstQueryUrl: firstQueryUrl() },
              ...args.slice(1),
            ]);
        }
        // ...and preloads the home page's chunks on the home route (config/first-screen.ts).
        chain
          .plugin('homePageChunks')
          .use(HomePageChunksPlugin, [{ pageModule: 'src/pages/index/index.tsx', publicPath: '/' }]);
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
