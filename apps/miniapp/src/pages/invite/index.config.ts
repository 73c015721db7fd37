export default definePageConfig({
  navigationBarTitleText: '好友分享',
  // A product card's landing can be forwarded and posted to Moments with the same code
  // (src/platform/share.ts: the hooks do nothing without these).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
