export { buildSandbox, startSandbox, type RunningSandbox } from './server.js';
export { SANDBOX_INSURERS, SANDBOX_PRODUCTS, type SandboxInsurer, type SandboxProduct } from './data/catalogue.js';
export { FAILURE_MODES, type FailureMode, type FaultSettings } from './faults.js';
