import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher.js';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips and never repeats a ciphertext or shows the plain text', () => {
    const a = cipher.encrypt('13800138000');
    const b = cipher.encrypt('13800138000');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13800138000');
    expect(cipher.decrypt(a)).toBe('13800138000');
  });

  it('refuses a tampered value and a value sealed with another key', () => {
    const sealed = cipher.encrypt('secret');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => new FieldCipher(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it('gives a stable blind index that depends on the key', () => {
    expect(cipher.blindIndex('13800138000')).toBe(cipher.blindIndex('13800138000'));
    expect(cipher.blindIndex('13800138000')).not.toBe(cipher.blindIndex('13800138001'));
    expect(new FieldCipher(randomBytes(32)).blindIndex('13800138000')).not.toBe(cipher.blindIndex('13800138000'));
  });
});
