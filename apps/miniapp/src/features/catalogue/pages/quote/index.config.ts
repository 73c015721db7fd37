export default definePageConfig({
  navigationBarTitleText: '测算保费',
});
