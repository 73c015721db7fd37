export default definePageConfig({
  navigationBarTitleText: '保障缺口',
});
