import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalJson } from '../../../engine/core/canonicalJson.ts';

/** The error canonicalJson throws for `value`, checked to be a CanonicalJsonError. */
function rejection(value: unknown): CanonicalJsonError {
  try {
    canonicalJson(value);
  } catch (error) {
    expect(error).toBeInstanceOf(CanonicalJsonError);
    return error as CanonicalJsonError;
  }
  throw new Error(`canonicalJson accepted ${String(value)}`);
}

function expectRejected(value: unknown, path: string, problem: RegExp): void {
  const error = rejection(value);
  expect(error.path).toBe(path);
  expect(error.name).toBe('CanonicalJsonError');
  expect(error.message.startsWith(`${path}: `), error.message).toBe(true);
  expect(error.message).toMatch(problem);
}

/**
 * A reference serialiser written independently. (JSON.stringify of a key-sorted copy would not
 * do: it always lists integer-like keys first, whatever order they were inserted in.)
 */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('canonicalJson: key order and layout', () => {
  it('sorts keys and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: 2, c: { z: true, y: null } })).toBe('{"a":2,"b":1,"c":{"y":null,"z":true}}');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]'); // arrays keep their order
  });

  it('gives the same bytes whatever the insertion order', () => {
    const a = { x: 1, y: [{ q: 1, p: 2 }], z: { b: 'b', a: 'a' } };
    const b = { z: { a: 'a', b: 'b' }, y: [{ p: 2, q: 1 }], x: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('sorts by UTF-16 code units: upper case before lower, integer-like keys as strings', () => {
    const value = { b: 0, a: 0, B: 0, _: 0, '10': 0, '9': 0, '1': 0, '': 0, 'a b': 0, ab: 0 };
    expect(canonicalJson(value)).toBe('{"":0,"1":0,"10":0,"9":0,"B":0,"_":0,"a":0,"a b":0,"ab":0,"b":0}');
  });

  it('sorts non-ASCII keys by code unit, so astral characters sort by their surrogates', () => {
    // é U+00E9 < 中 U+4E2D < 😀 (U+D83D U+DE00) < ｚ U+FF5A: code-point order would put 😀 last.
    const value = { 'ｚ': 4, '😀': 3, '中': 2, 'é': 1, z: 0 };
    expect(canonicalJson(value)).toBe('{"z":0,"é":1,"中":2,"😀":3,"ｚ":4}');
  });

  it('nests objects in arrays in objects', () => {
    const value = { outer: [{ b: [1, { d: 4, c: 3 }], a: null }, [], [[{}]]] };
    expect(canonicalJson(value)).toBe('{"outer":[{"a":null,"b":[1,{"c":3,"d":4}]},[],[[{}]]]}');
  });

  it('accepts objects without a prototype', () => {
    const value = Object.create(null) as Record<string, unknown>;
    value.b = 1;
    value.a = 2;
    expect(canonicalJson(value)).toBe('{"a":2,"b":1}');
  });

  it('keeps "__proto__" as an ordinary own key', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"a":1}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"a":1}');
  });
});

describe('canonicalJson: strings', () => {
  it('writes CJK and emoji as themselves, in UTF-16 source form', () => {
    expect(canonicalJson('中文 销售经理')).toBe('"中文 销售经理"');
    expect(canonicalJson('😀👍🏽')).toBe('"😀👍🏽"');
    expect(canonicalJson({ 名称: '华东区' })).toBe('{"名称":"华东区"}');
  });

  it('escapes lone surrogates, so the output is well-formed UTF-16 and survives UTF-8', () => {
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
    expect(canonicalJson('a\udc00b')).toBe('"a\\udc00b"');
    expect(canonicalJson('\ude00\ud83d')).toBe('"\\ude00\\ud83d"'); // reversed pair: two lone halves
    expect(canonicalJson({ '\ud800': 1 })).toBe('{"\\ud800":1}');
    expect(JSON.parse(canonicalJson('\ud800'))).toBe('\ud800');
  });

  it('escapes quotes, backslashes and control characters as JSON.stringify does', () => {
    expect(canonicalJson('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(canonicalJson('\n\t\r\b\f')).toBe('"\\n\\t\\r\\b\\f"');
    expect(canonicalJson('\u0000\u001f')).toBe('"\\u0000\\u001f"');
    expect(canonicalJson('\u2028\u2029')).toBe('"\u2028\u2029"');
    expect(canonicalJson('/')).toBe('"/"');
  });
});

describe('canonicalJson: numbers and literals', () => {
  it('prints numbers in the shortest round-trip form', () => {
    expect(canonicalJson(0)).toBe('0');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson({ a: -0 })).toBe(canonicalJson({ a: 0 }));
    expect(canonicalJson(0.1)).toBe('0.1');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalJson(-1.5)).toBe('-1.5');
    expect(canonicalJson(1e20)).toBe('100000000000000000000');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(1e-6)).toBe('0.000001');
    expect(canonicalJson(1e-7)).toBe('1e-7');
    expect(canonicalJson(5e-324)).toBe('5e-324');
    expect(canonicalJson(1.7976931348623157e308)).toBe('1.7976931348623157e+308');
    expect(canonicalJson(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(canonicalJson(-123456789)).toBe('-123456789');
  });

  it('writes true, false and null', () => {
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([true, false, null])).toBe('[true,false,null]');
  });
});

describe('canonicalJson: rejections name the JSON path', () => {
  it('rejects undefined, at the top and nested', () => {
    expectRejected(undefined, '$', /undefined/);
    expectRejected({ a: undefined }, '$.a', /undefined/);
    expectRejected({ a: [1, 2, { b: undefined }] }, '$.a[2].b', /undefined/);
    expectRejected([undefined], '$[0]', /undefined/);
  });

  it('rejects NaN and ±Infinity', () => {
    expectRejected(NaN, '$', /NaN is not a finite number/);
    expectRejected({ x: { y: [0, Infinity] } }, '$.x.y[1]', /Infinity/);
    expectRejected([[-Infinity]], '$[0][0]', /-Infinity/);
    expectRejected({ a: [1, 2, { b: NaN }] }, '$.a[2].b', /NaN/);
  });

  it('rejects sparse arrays at the first hole', () => {
    expectRejected([1, , 3], '$[1]', /sparse/);
    expectRejected({ list: new Array(3) }, '$.list[0]', /sparse/);
    const holeAtEnd: number[] = [1, 2];
    holeAtEnd.length = 3;
    expectRejected({ a: { b: holeAtEnd } }, '$.a.b[2]', /sparse/);
  });

  it('rejects objects that are not plain data', () => {
    class Territory {
      id = 't1';
    }
    expectRejected(new Date(0), '$', /Date object is not plain data/);
    expectRejected({ when: new Date(0) }, '$.when', /Date/);
    expectRejected({ m: new Map([[1, 2]]) }, '$.m', /Map/);
    expectRejected({ s: [new Set()] }, '$.s[0]', /Set/);
    expectRejected({ t: new Territory() }, '$.t', /Territory/);
    expectRejected(new Uint8Array(2), '$', /Uint8Array/);
    expectRejected(/re/, '$', /RegExp/);
    expectRejected({ n: new Number(1) }, '$.n', /Number/);
    expectRejected({ e: new Error('x') }, '$.e', /Error/);
    expectRejected(Object.create(Object.create(null) as object), '$', /not plain data/);
  });

  it('rejects bigint, symbol and function values', () => {
    expectRejected(1n, '$', /bigint/);
    expectRejected({ a: Symbol('s') }, '$.a', /symbol/);
    expectRejected({ a: [() => 1] }, '$.a[0]', /function/);
    expectRejected({ toJSON: () => ({}) }, '$.toJSON', /function/);
  });

  it('reports the first offending value in key order', () => {
    expectRejected({ z: undefined, a: NaN }, '$.a', /NaN/);
  });

  it('throws for a cycle instead of looping forever', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow();
  });
});

describe('canonicalJson: properties', () => {
  it('equals a reference serialiser, parses back to equal data, and is a fixed point of parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(reference(value));
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 8 }), (record) => {
        const reversed: Record<string, unknown> = {};
        for (const key of Object.keys(record).reverse()) {
          Object.defineProperty(reversed, key, { value: record[key], enumerable: true });
        }
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('canonicalJson depth limit', () => {
  it('refuses absurd nesting with a path instead of overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/nested deeper than 256 levels/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
  });
});
