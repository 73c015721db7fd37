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

export {
  GENERATED_SETTINGS,
  SANDBOX_APP_ID,
  SANDBOX_INSURERS,
  SANDBOX_SIGNING_SECRETS,
  sandboxInsurerSecretsSetting,
} from './insurers.js';
export { SANDBOX_PRODUCTS } from './products.js';
export * from './types.js';

const BY_INSURER = new Map<string, SandboxProduct[]>();
for (const product of SANDBOX_PRODUCTS) {
  const list = BY_INSURER.get(product.insurerCode);
  if (list) list.push(product);
  else BY_INSURER.set(product.insurerCode, [product]);
}

/** An insurer's products (a copy: callers may sort or slice it). */
export function productsOf(insurerCode: string): SandboxProduct[] {
  return [...(BY_INSURER.get(insurerCode) ?? [])];
}

export function findInsurer(code: string): SandboxInsurer | undefined {
  return SANDBOX_INSURERS.find((insurer) => insurer.code === code);
}
