import { describe, expect, it } from 'vitest';
import { groupedHash, sha256Hex } from './evidence-hash';

describe('evidence file hashes', () => {
  it('computes the SHA-256 the server stores the file by', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('groups a hash by four characters for reading aloud', () => {
    expect(groupedHash('ba7816bf8f01')).toBe('ba78 16bf 8f01');
  });
});
