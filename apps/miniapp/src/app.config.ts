/**
 * Subpackages (分包). Mini-programs cap the main package and every subpackage at 2 MB
 * (see `pnpm size:check`), so only the home page and future tab-bar pages live in the main
 * package (`pages`); heavier, less-visited pages go into subpackages, e.g.
 *
 *   { root: 'packages/policy', pages: ['pages/detail/index'] }
 *
 * with the files under src/packages/policy/pages/detail/. Tab-bar pages must stay in `pages`.
 */
const subPackages: { root: string; pages: string[] }[] = [
  // Catalogue pages reached from the home page: product detail (C3, C4), compare (C5), quote (C6).
  { root: 'packages/catalogue', pages: ['pages/product/index', 'pages/compare/index', 'pages/quote/index'] },
];

export default defineAppConfig({
  // Tab pages first; they must stay in the main package.
  pages: ['pages/index/index', 'pages/mine/index'],
  ...(subPackages.length > 0 ? { subPackages } : {}),
  // Icons from scripts/generate-tab-icons.mjs (optional on WeChat and Alipay; H5 shows empty boxes without).
  tabBar: {
    color: '#86909c',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '保险超市',
        iconPath: 'assets/tab-bar/catalogue.png',
        selectedIconPath: 'assets/tab-bar/catalogue-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-bar/mine.png',
        selectedIconPath: 'assets/tab-bar/mine-active.png',
      },
    ],
  },
  // WeChat: privacy-related APIs wait for the user's privacy authorisation (src/platform/privacy.weapp.ts).
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
  window: {
    navigationBarTitleText: '保险超市',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
});
