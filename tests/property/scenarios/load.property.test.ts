import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../scenarios/jsonSyntax.ts';
import { parseScenario, parseScenarioValue, type ScenarioParseResult } from '../../../scenarios/load.ts';

const workshop = JSON.parse(readFileSync(new URL('../../../scenarios/workshop.json', import.meta.url), 'utf8')) as unknown;
const workshopHash = (() => {
  const r = parseScenarioValue(workshop);
  if (!r.ok) throw new Error('workshop.json does not parse');
  return r.hash;
})();

/** A refusal: at least one problem, every path a JSON path from `$`. */
function expectRefused(result: ScenarioParseResult): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.path.startsWith('$')).toBe(true);
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** Every path to a value inside `value`, object keys and array indices. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}
const workshopPaths = pathsOf(workshop).filter((p) => p.length > 0);

/** A copy of `root` with the value at `path` replaced, or removed when `replacement` is undefined. */
function edited(root: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = replacement;
  return copy;
}

/** Rebuilds a JSON value with every object's keys in a shuffled order. */
function shuffledKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffledKeys(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const order = entries.map((_, i) => ((i + 1) * 2654435761 + seed) % 1_000_003);
  const sorted = entries.map((e, i) => [order[i]!, e] as const).sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(sorted.map(([, [k, v]]) => [k, shuffledKeys(v, seed)]));
}

describe('parseScenario never throws', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii' }), fc.json(), fc.constantFrom('{', '[', '"', '\uFEFF', '{"id":')),
        (text) => {
          const result = parseScenario(text, 'fuzz.json');
          expectRefused(result);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('for arbitrary JSON values, as text and as values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectRefused(parseScenario(JSON.stringify(value) ?? ''));
        expectRefused(parseScenarioValue(value));
      }),
      { numRuns: 500 },
    );
  });

  it('for the workshop scenario with one value replaced or removed', () => {
    fc.assert(
      fc.property(
        fc.nat(workshopPaths.length - 1),
        fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
        (index, replacement) => {
          const value = edited(workshop, workshopPaths[index]!, replacement);
          const result = parseScenario(JSON.stringify(value));
          if (!result.ok) expectRefused(result);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('the hash', () => {
  it('does not depend on key order or whitespace', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(undefined, 0, 2, '\t'), (seed, indent) => {
        const result = parseScenario(JSON.stringify(shuffledKeys(workshop, seed), null, indent));
        expect(result.ok && result.hash).toBe(workshopHash);
      }),
      { numRuns: 50 },
    );
  });
});

describe('the JSON syntax locator', () => {
  const jsonish = fc.string({
    unit: fc.constantFrom('{', '}', '[', ']', ':', ',', '"', '\\', 'u', 'a', 'F', '0', '1', '9', '-', '+', '.', 'e', 'E', 't', 'r', 'f', 'n', 'l', 's', ' ', '\n', '\t', '\u0001', '/'),
    maxLength: 30,
  });
  /** Valid JSON with one character deleted, doubled or replaced. */
  const nearlyJson = fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('delete', 'double', 'replace'), fc.constantFrom('"', ',', ':', '}', ']', 'x', '0'))
    .map(([text, at, how, ch]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (how === 'double') return text.slice(0, i) + text.slice(i, i + 1) + text.slice(i);
      return text.slice(0, i) + ch + text.slice(i + 1);
    });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(jsonish, nearlyJson, fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const error = findJsonSyntaxError(text);
        expect(error === undefined).toBe(valid);
        if (error) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(text.length);
          expect(error.line).toBeGreaterThanOrEqual(1);
          expect(error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
