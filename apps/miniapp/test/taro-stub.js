// Minimal stand-in for @tarojs/taro in unit tests (the real package needs a mini-program runtime).
// Tests that exercise Taro APIs replace it with jest.mock('@tarojs/taro', ...).
module.exports = {
  __esModule: true,
  default: {
    request() {
      throw new Error('Taro.request is not available in unit tests: inject a transport or mock @tarojs/taro');
    },
  },
};
