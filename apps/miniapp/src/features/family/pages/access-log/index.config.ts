export default definePageConfig({
  navigationBarTitleText: '谁看过我家',
});
