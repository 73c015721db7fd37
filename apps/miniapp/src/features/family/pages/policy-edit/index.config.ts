export default definePageConfig({
  navigationBarTitleText: '添加保单',
});
