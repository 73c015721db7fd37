import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM encryption for values we must show their owner again, and a
 * keyed hash (HMAC-SHA256, a "blind index") to find a row by a value without storing it in clear.
 * Both keys derive from DATA_ENCRYPTION_KEY, so one secret protects both.
 */
export class FieldCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('FieldCipher needs a 32-byte key');
    this.encryptionKey = createHmac('sha256', masterKey).update('encrypt').digest();
    this.indexKey = createHmac('sha256', masterKey).update('blind-index').digest();
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts; a fresh IV each time. */
  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Deterministic, keyed: equal inputs give equal hashes, and nobody without the key can test guesses. */
  blindIndex(value: string): string {
    return createHmac('sha256', this.indexKey).update(value).digest('hex');
  }
}

export const FIELD_CIPHER = Symbol('FIELD_CIPHER');
