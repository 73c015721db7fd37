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
  pages: ['pages/index/index'],
  ...(subPackages.length > 0 ? { subPackages } : {}),
  window: {
    navigationBarTitleText: '保险超市',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
});
