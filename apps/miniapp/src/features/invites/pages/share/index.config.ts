export default definePageConfig({
  navigationBarTitleText: '分享',
  // src/platform/share.ts: the share hooks do nothing without these. Moments is offered for product
  // cards only (`timeline: false` otherwise); Moments opens this page with `?code=`, which shows the
  // landing.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
