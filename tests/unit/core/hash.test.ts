import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CanonicalJsonError } from '../../../engine/core/canonicalJson.ts';
import { HASH_PATTERN, hashOf, sha256Hex } from '../../../engine/core/hash.ts';

/** Node's own SHA-256 of a string's UTF-8 bytes: a second, independent implementation. */
const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  // FIPS 180-2 / NIST CAVS example vectors.
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
    ['The quick brown fox jumps over the lazy dog', 'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'],
  ])('hashes %j to the published digest', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it('hashes a million "a"s to the published digest', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto on every length around the padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text), `length ${n}`).toBe(nodeSha256(text));
    }
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    expect(sha256Hex('中文')).toBe('72726d8818f693066ceb69afa364218b692e62ea92b385782363780f47529c21');
    expect(sha256Hex('中文')).toBe(nodeSha256('中文'));
    expect(sha256Hex('😀 销售 é')).toBe(nodeSha256('😀 销售 é'));
    // Not UTF-16: hashing the string's code units would give a different digest.
    expect(sha256Hex('中文')).not.toBe(createHash('sha256').update(Buffer.from('中文', 'utf16le')).digest('hex'));
  });

  it('agrees with node:crypto on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('encodes a lone surrogate as U+FFFD, as TextEncoder does', () => {
    expect(sha256Hex('\ud800')).toBe(sha256Hex('\ufffd'));
  });

  it('writes 64 lower-case hex digits that HASH_PATTERN accepts', () => {
    const digest = sha256Hex('Shapan');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(HASH_PATTERN.test(digest)).toBe(true);
    expect(HASH_PATTERN.test(digest.toUpperCase())).toBe(false);
    expect(HASH_PATTERN.test(digest.slice(1))).toBe(false);
    expect(HASH_PATTERN.test(`${digest}0`)).toBe(false);
  });

  it('changes completely for a one-bit change', () => {
    const a = sha256Hex('round 1');
    const b = sha256Hex('round 0');
    let same = 0;
    for (let i = 0; i < 64; i++) if (a[i] === b[i]) same++;
    expect(same).toBeLessThan(16);
  });
});

describe('hashOf', () => {
  it('is the SHA-256 of the canonical JSON', () => {
    expect(hashOf({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(hashOf({ b: 1, a: 2 })).toBe(nodeSha256('{"a":2,"b":1}'));
    expect(hashOf('abc')).toBe(nodeSha256('"abc"'));
    expect(hashOf(null)).toBe(nodeSha256('null'));
    expect(hashOf([1, 'x', true])).toBe(nodeSha256('[1,"x",true]'));
  });

  it('does not depend on key order, and does tell values apart', () => {
    expect(hashOf({ a: 1, b: [1, 2] })).toBe(hashOf({ b: [1, 2], a: 1 }));
    expect(hashOf({ a: 1, b: [1, 2] })).not.toBe(hashOf({ a: 1, b: [2, 1] }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: '1' }));
    expect(hashOf(-0)).toBe(hashOf(0));
  });

  it('keeps a lone surrogate distinct from U+FFFD, because canonical JSON escapes it', () => {
    expect(hashOf('\ud800')).not.toBe(hashOf('\ufffd'));
    expect(hashOf('\ud800')).toBe(nodeSha256('"\\ud800"'));
  });

  it('refuses values canonical JSON refuses', () => {
    expect(() => hashOf({ a: undefined })).toThrow(CanonicalJsonError);
    expect(() => hashOf(NaN)).toThrow(CanonicalJsonError);
  });
});
