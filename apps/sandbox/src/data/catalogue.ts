/**
 * The fictional insurers and their products. Everything here is invented; magnitudes (premiums by age
 * band, sums insured, insurer facts) follow public ranges, see docs/sandbox-data.md.
 *
 * Records are kept in one neutral shape (./types.ts); each insurer's routes render them in its own
 * wire format.
 */
import { SANDBOX_INSURERS } from './insurers.js';
import { SANDBOX_PRODUCTS } from './products.js';
import type { SandboxInsurer, SandboxProduct } from './types.js';

export { SANDBOX_APP_ID, SANDBOX_INSURERS, SANDBOX_SIGNING_SECRETS, sandboxInsurerSecretsSetting } from './insurers.js';
export { SANDBOX_PRODUCTS } from './products.js';
export * from './types.js';

export function productsOf(insurerCode: string): SandboxProduct[] {
  return SANDBOX_PRODUCTS.filter((product) => product.insurerCode === insurerCode);
}

export function findInsurer(code: string): SandboxInsurer | undefined {
  return SANDBOX_INSURERS.find((insurer) => insurer.code === code);
}
