/**
 * Pages. Mini-programs cap the main package and every subpackage (分包) at 2 MB (see
 * `pnpm size:check`), tab-bar pages must be in the main package, and a main-package page may not sit
 * under a subpackage's root directory. So:
 *
 * - `pages`: the tab pages, `src/pages/<tab>/index`, thin shells that render a screen of their
 *   feature (`features/<feature>/screens/<name>`), and after them the one non-tab page of the main
 *   package, the invite landing `pages/invite/index` (decision 009: it is the first page a friend
 *   opens, often in WeChat Moments' single-page mode, so no subpackage is downloaded before it);
 * - `subPackages`: every other page, in its feature's `pages/` folder, one subpackage per feature
 *   whose root is that folder, e.g. `{ root: 'features/family/pages', pages: ['members/index'] }` for
 *   src/features/family/pages/members/index.tsx.
 *
 * Page paths are also written in each feature's `routes.ts`.
 */
const CATALOGUE = 'features/catalogue/pages';
const FAMILY = 'features/family/pages';
const INVITES = 'features/invites/pages';

const subPackages: { root: string; pages: string[] }[] = [
  // Catalogue pages reached from the home page: product detail (C3, C4), compare (C5), quote (C6).
  { root: CATALOGUE, pages: ['product/index', 'compare/index', 'quote/index'] },
  // Family pages reached from the 我家 tab: a member's page and the add / edit form (F1); a policy's
  // page and its add / edit form (F2); the family overview (F3), the coverage gaps (F4), and the
  // owner's access log (谁看过我家).
  {
    root: FAMILY,
    pages: [
      'member/index',
      'member-edit/index',
      'policy/index',
      'policy-edit/index',
      'overview/index',
      'gaps/index',
      'access-log/index',
    ],
  },
  // The sharer's pages (share-to-friend): making and sharing an invite with its poster, 我的邀请.
  { root: INVITES, pages: ['share/index', 'invites/index'] },
];

/**
 * Subpackages downloaded as soon as a page that leads to them opens, so the next tap does not wait
 * for a download: the catalogue's pages from 保险超市 and from an invite landing (a shared product),
 * the family's and the sharer's pages from 我家, 我的邀请 from 我的. Same rules on WeChat and Alipay.
 */
const preloadRule = {
  'pages/index/index': { network: 'all', packages: [CATALOGUE] },
  'pages/invite/index': { network: 'all', packages: [CATALOGUE] },
  'pages/family/index': { network: 'all', packages: [FAMILY, INVITES] },
  'pages/mine/index': { network: 'wifi', packages: [INVITES] },
} as const satisfies Record<string, { network: 'all' | 'wifi'; packages: string[] }>;

export default defineAppConfig({
  // Tab pages first; they must stay in the main package. Then the invite landing (decision 009).
  pages: ['pages/index/index', 'pages/family/index', 'pages/mine/index', 'pages/invite/index'],
  ...(subPackages.length > 0 ? { subPackages } : {}),
  ...(process.env.TARO_ENV === 'h5' ? {} : { preloadRule }),
  // WeChat: inject only the components a page uses when it opens, not every one of the package.
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents' } : {}),
  // Icons from scripts/generate-tab-icons.mjs (optional on WeChat and Alipay; H5 shows empty boxes without).
  tabBar: {
    color: '#646a73',
    selectedColor: '#0e5fd8',
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
        pagePath: 'pages/family/index',
        text: '我家',
        iconPath: 'assets/tab-bar/family.png',
        selectedIconPath: 'assets/tab-bar/family-active.png',
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
