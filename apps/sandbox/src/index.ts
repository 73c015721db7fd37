export { buildSandbox, startSandbox, type RunningSandbox, type SandboxOptions } from './server.js';
export {
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
export { SIGNATURE_MAX_AGE_MS, signRequest, stringToSign, type SignatureInput } from './insurers/request-signing.js';
export { FAILURE_MODES, type FailureMode, type FaultSettings } from './faults.js';
