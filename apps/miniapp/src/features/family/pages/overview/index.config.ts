export default definePageConfig({
  navigationBarTitleText: '家庭保障总览',
});
