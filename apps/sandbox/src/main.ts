import { startSandbox } from './server.js';

async function main(): Promise<void> {
  const rawPort = process.env.SANDBOX_PORT ?? '3100';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`SANDBOX_PORT must be a port number (0-65535), got "${rawPort}"`);
    process.exit(1);
  }
  const host = process.env.SANDBOX_HOST ?? '127.0.0.1';
  // The mini-program's Alipay public key, base64 of the PEM (pnpm start makes a key pair per run).
  const alipayKey = process.env.SANDBOX_ALIPAY_APP_PUBLIC_KEY;
  const alipayAppPublicKey = alipayKey ? Buffer.from(alipayKey, 'base64').toString('utf8') : null;
  const sandbox = await startSandbox(port, host, true, { alipayAppPublicKey });
  const stop = (): void => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
