export { buildSandbox, startSandbox, type RunningSandbox, type SandboxOptions } from './server.js';
export {
  GENERATED_SETTINGS,
  SANDBOX_APP_ID,
  SANDBOX_CATEGORIES,
  SANDBOX_INSURERS,
  SANDBOX_PRODUCTS,
  SANDBOX_SIGNING_SECRETS,
  productsOf,
  sandboxInsurerSecretsSetting,
  type SandboxCategory,
  type SandboxInsurer,
  type SandboxInsurerFacts,
  type SandboxProduct,
  type WireFormat,
} from './data/catalogue.js';
export { generatedSigningSecret } from './data/generated.js';
export { SIGNATURE_MAX_AGE_MS, signRequest, stringToSign, type SignatureInput } from './insurers/request-signing.js';
export { FAILURE_MODES, type FailureMode, type FaultSettings } from './faults.js';
export {
  DEFAULT_DAILY_CODE_QUOTA,
  DEFAULT_PUBLISHED_PAGES,
  LOGIN_CODE_TTL_MS,
  SANDBOX_ALIPAY_APP_ID,
  SANDBOX_ALIPAY_TEMPLATES,
  SANDBOX_SMS_KEY,
  SANDBOX_WECHAT_APP_ID,
  SANDBOX_WECHAT_APP_SECRET,
  SANDBOX_WECHAT_TEMPLATES,
  WECHAT_ACCESS_TOKEN_TTL_SECONDS,
  WECHAT_EXCHANGES_PER_MINUTE,
} from './platforms/credentials.js';
export { SCENE_MAX_LENGTH, isValidScene } from './platforms/mini-program-code.js';
export { alipayStringToSign } from './platforms/alipay.routes.js';
export { alipayUserIdOf, wechatIdsOf, type PlatformCall } from './platforms/platform-state.js';
