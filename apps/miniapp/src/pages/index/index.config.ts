export default definePageConfig({
  navigationBarTitleText: '保险超市',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
  backgroundTextStyle: 'dark',
});
