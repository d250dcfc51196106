import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { portableSha256Hex, sha256Hex, useSha256 } from '../../../engine/core/hash.ts';
import { useWasmSha256 } from '../../../ui/io/wasmHash.ts';

describe('the browser’s WebAssembly SHA-256', () => {
  afterAll(() => useSha256(portableSha256Hex));

  it('hashes exactly as OpenSSL does, one text after another, whatever the characters', async () => {
    expect(await useWasmSha256()).toBe(true);
    const texts = ['', 'abc', '沙盘：东江大区', '😀 and a lone \u00e9', 'x'.repeat(1 << 20), JSON.stringify({ a: [1, 2.5, -3], b: '桐溪' })];
    for (const text of texts) {
      const hash = sha256Hex(text);
      expect(hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(hash).toBe(portableSha256Hex(text));
    }
  });
});
