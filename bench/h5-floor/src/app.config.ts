export default defineAppConfig({ pages: ['pages/index/index'], window: { navigationBarTitleText: '保险超市' } });
