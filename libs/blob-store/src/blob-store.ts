/**
 * Files kept by what they are, not by what they are called: the key is the SHA-256 of the bytes, so the same
 * file uploaded twice is stored once, and a stored file is never replaced — whoever downloads it can hash it
 * and compare with the key recorded in the log. A local directory by default; an S3-compatible bucket in
 * production implements the same port.
 */
export interface BlobStore {
  /** Stores the bytes unless a blob with their hash exists; never overwrites. */
  put(bytes: Buffer): Promise<StoredBlob>;
  /** The bytes stored under the hash, or null. */
  get(sha256: string): Promise<Buffer | null>;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when the same bytes were already stored. */
  created: boolean;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
