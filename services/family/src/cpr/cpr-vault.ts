import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Keeps CPR numbers unreadable at rest: AES-256-GCM for the number itself
 * (only decrypted where a rule allows showing it), and an HMAC-SHA256 keyed
 * hash so a family can be found by a member's CPR without scanning or
 * decrypting anything. A leading key-version byte leaves room for rotation.
 */
export class CprVault {
  private static readonly VERSION = 1;
  private readonly key: Buffer;

  constructor(
    encryptionKeyBase64: string,
    private readonly hashKey: string,
  ) {
    this.key = Buffer.from(encryptionKeyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('CPR_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  }

  encrypt(digits: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(digits, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([CprVault.VERSION]), iv, cipher.getAuthTag(), data]);
  }

  decrypt(sealed: Buffer): string {
    if (sealed[0] !== CprVault.VERSION) throw new Error(`Unknown CPR key version ${sealed[0]}`);
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 13));
    decipher.setAuthTag(sealed.subarray(13, 29));
    return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
  }

  /** The lookup key for a CPR number (ten digits, no separator). */
  hash(digits: string): Buffer {
    return createHmac('sha256', this.hashKey).update(digits).digest();
  }
}
