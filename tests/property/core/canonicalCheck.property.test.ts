import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../engine/core/canonicalJson.ts';
import { isCanonicalText } from '../../../engine/core/verify.ts';

/** Any JSON text: canonical or not, keys in any order, integer-like keys, duplicates. */
const anyText = fc.oneof(
  fc.jsonValue().map((v) => canonicalJson(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String), fc.constant('__proto__')), fc.jsonValue(), { maxKeys: 6 }).map((d) => JSON.stringify(d)),
  fc.tuple(fc.string(), fc.jsonValue(), fc.jsonValue()).map(([k, a, b]) => `{${JSON.stringify(k)}:${JSON.stringify(a)},${JSON.stringify(k)}:${JSON.stringify(b)}}`),
);

describe("the verifier's quick canonical check", () => {
  it('never calls a line canonical that canonicalJson would write otherwise', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const value = JSON.parse(text) as unknown;
        if (isCanonicalText(value, text)) expect(canonicalJson(value)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it('recognises canonical text without integer-like keys, which is every log line', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        const integerKey = /"\d+":/.test(text);
        if (!integerKey) expect(isCanonicalText(JSON.parse(text), text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
