export default definePageConfig({
  navigationBarTitleText: '我家',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
