/**
 * Loads a scenario file: text → JSON → `Scenario`, with every problem reported at a JSON path
 * (`$.territories[2].tier`) in words an author can act on. Never throws, whatever the input.
 */
import { z } from 'zod';
import { hashOf } from '../engine/core/hash.ts';
import type { Scenario } from '../engine/model/scenario.ts';
import { findJsonSyntaxError } from './jsonSyntax.ts';
import { checkScenarioRules } from './rules.ts';
import { ID_PATTERN, scenarioSchema, type IssueParams } from './schema.ts';

export interface ScenarioProblem {
  /** Where: a JSON path from the root `$`, e.g. `$.territories[2].tier`. */
  readonly path: string;
  /** What is wrong, in English: what was expected and what was found. */
  readonly message: string;
  readonly hint?: string;
}

export type ScenarioParseResult =
  | { readonly ok: true; readonly scenario: Scenario; readonly hash: string }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

/** Larger texts are refused before parsing: no real scenario comes near it. */
export const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;
/** At most this many problems are listed; one more line says how many were left out. */
export const MAX_PROBLEMS = 100;

// ---------------------------------------------------------------------------------------------
// Paths and values in words.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON path: `$`, `.name` for plain keys, `["zh-CN"]` for the others, `[3]` for indices. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

function clip(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** A short description of a JSON value: `the text "abc"`, `the number 4`, `a list of 3 items`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty text ""' : `the text ${JSON.stringify(clip(value))}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 1 ? 'a list of 1 item' : `a list of ${value.length} items`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function listWords(items: readonly string[], last = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Reading the schema at a path, for ranges and field lists.

interface Node {
  readonly _zod: { readonly def: { readonly type: string } & Record<string, unknown> };
}

function unwrap(schema: Node | undefined): Node | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 32; guard++) {
    const def = s._zod.def;
    if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(def.type)) s = def.innerType as Node;
    else if (def.type === 'pipe') {
      const input = def.in as Node;
      s = input._zod.def.type === 'transform' ? (def.out as Node) : input;
    } else return s;
  }
  return s;
}

function schemaAt(path: readonly PropertyKey[]): Node | undefined {
  let s = unwrap(scenarioSchema as unknown as Node);
  for (const key of path) {
    if (!s) return undefined;
    const def = s._zod.def;
    if (def.type === 'object') s = (def.shape as Record<string, Node>)[String(key)];
    else if (def.type === 'array') s = def.element as Node;
    else if (def.type === 'tuple') s = typeof key === 'number' ? (def.items as Node[])[key] : undefined;
    else return undefined;
    s = unwrap(s);
  }
  return s;
}

function fieldsAt(path: readonly PropertyKey[]): string[] {
  const s = schemaAt(path);
  return s && s._zod.def.type === 'object' ? Object.keys(s._zod.def.shape as object) : [];
}

function rangeAt(path: readonly PropertyKey[]): { min: number | null; max: number | null } | undefined {
  const s = schemaAt(path) as (Node & { minValue?: number | null; maxValue?: number | null }) | undefined;
  if (!s || s._zod.def.type !== 'number') return undefined;
  const min = s.minValue ?? null;
  const max = s.maxValue ?? null;
  // z.int() alone bounds to the safe integers; those bounds say nothing to an author.
  return {
    min: min !== null && min > Number.MIN_SAFE_INTEGER ? min : null,
    max: max !== null && max < Number.MAX_SAFE_INTEGER ? max : null,
  };
}

function integerWords(path: readonly PropertyKey[]): string {
  const r = rangeAt(path);
  if (!r || (r.min === null && r.max === null)) return 'an integer';
  if (r.min !== null && r.max !== null) return `an integer from ${r.min} to ${r.max}`;
  if (r.min !== null) return `an integer of at least ${r.min}`;
  return `an integer of at most ${r.max}`;
}

/** Edit distance, for "did you mean". Short strings only. */
function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = word.length <= 4 ? 1 : Math.max(2, Math.floor(word.length / 4));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// zod issues → problems.

function expectedWords(expected: string, path: readonly PropertyKey[]): string {
  switch (expected) {
    case 'int':
    case 'number':
      return integerWords(path);
    case 'string': {
      const s = schemaAt(path);
      const checks = (s?._zod.def.checks ?? []) as { _zod: { def: { format?: string; pattern?: RegExp } } }[];
      const idCheck = checks.some((c) => c._zod.def.pattern?.source === ID_PATTERN.source);
      return idCheck ? 'an id in kebab-case' : 'a text in double quotes';
    }
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list [ … ]';
    case 'object': {
      const fields = fieldsAt(path);
      if (fields.length > 0 && fields.length <= 3) return `an object with ${listWords(fields.map((f) => `"${f}"`), 'and')}`;
      return 'an object { … }';
    }
    default:
      return `a value of type ${expected}`;
  }
}

function sizeWords(origin: string, n: number): string {
  if (origin === 'array' || origin === 'set') return n === 1 ? '1 item' : `${n} items`;
  if (origin === 'string') return n === 1 ? '1 character' : `${n} characters`;
  return String(n);
}

function issueProblems(issue: z.core.$ZodIssue, root: unknown): ScenarioProblem[] {
  const path = issue.path;
  const at = jsonPath(path);
  const input = 'input' in issue ? issue.input : valueAt(root, path);
  const found = describeValue(input);
  const lastKey = path[path.length - 1];

  const missing = input === undefined && typeof lastKey === 'string';
  const expectedOrMissing = (expected: string): ScenarioProblem[] => [
    {
      path: at,
      message: missing ? `Missing required field "${String(lastKey)}": expected ${expected}.` : `Expected ${expected}, found ${found}.`,
    },
  ];

  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords(issue.expected, path);
      if (issue.expected === 'int' && typeof input === 'number' && Number.isFinite(input))
        return [{ path: at, message: `Expected ${expected}, found ${found}, which is not a whole number.` }];
      return expectedOrMissing(expected);
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
      return expectedOrMissing(options.length === 1 ? options[0]! : `one of ${listWords(options)}`);
    }
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'number' || issue.origin === 'int') {
        return [{ path: at, message: `Expected ${integerWords(path)}, found ${found}.` }];
      }
      const size = Array.isArray(input) ? input.length : typeof input === 'string' ? Array.from(input).length : undefined;
      const bound = issue.code === 'too_small' ? Number(issue.minimum) : Number(issue.maximum);
      const expected = issue.exact
        ? `exactly ${sizeWords(issue.origin, bound)}`
        : `${issue.code === 'too_small' ? 'at least' : 'at most'} ${sizeWords(issue.origin, bound)}`;
      const what = issue.origin === 'string' ? 'a text of' : 'a list of';
      const foundSize = size === undefined ? found : sizeWords(issue.origin, size);
      return [{ path: at, message: `Expected ${what} ${expected}, found ${foundSize}.` }];
    }
    case 'invalid_format': {
      const isId = 'pattern' in issue && typeof issue.pattern === 'string' && issue.pattern.includes(ID_PATTERN.source.slice(1, -1));
      return [
        {
          path: at,
          message: `Expected ${issue.message}, found ${found}.`,
          ...(isId ? { hint: 'For example "east-city" or "team-1".' } : {}),
        },
      ];
    }
    case 'unrecognized_keys': {
      const allowed = fieldsAt(path);
      return issue.keys.map((key) => {
        const guess = closest(key, allowed);
        const hint = guess
          ? `Did you mean "${guess}"?`
          : allowed.length > 0
            ? `Allowed fields here: ${allowed.map((f) => `"${f}"`).join(', ')}.`
            : undefined;
        return {
          path: jsonPath([...path, key]),
          message: `Unknown field "${clip(key)}": this object has no such field.`,
          ...(hint ? { hint } : {}),
        };
      });
    }
    case 'custom': {
      const hint = (issue.params as IssueParams | undefined)?.hint;
      return [{ path: at, message: issue.message, ...(hint ? { hint } : {}) }];
    }
    default:
      return [{ path: at, message: `${issue.message} (found ${found}).` }];
  }
}

// ---------------------------------------------------------------------------------------------
// Loading.

function fail(problems: ScenarioProblem[]): ScenarioParseResult {
  return { ok: false, problems };
}

/** UTF-8 length of `text`, counting up to `limit + 1` at most. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function named(source: string | undefined): string {
  return source ? `The scenario file "${clip(source, 80)}"` : 'The scenario';
}

/** Checks an already-parsed JSON value (what `JSON.parse` gave) as a scenario. */
export function parseScenarioValue(value: unknown): ScenarioParseResult {
  try {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return fail([
        {
          path: '$',
          message: `Expected a JSON object with the scenario's fields, found ${describeValue(value)}.`,
          hint: 'A scenario file starts with { and has fields such as "id", "title", "territories" and "firms".',
        },
      ]);
    }
    const result = scenarioSchema.safeParse(value, { reportInput: true });
    if (!result.success) {
      const problems = result.error.issues.flatMap((issue) => issueProblems(issue, value));
      // zod runs the whole-file rules only on a well-typed file; run them here too so an author
      // sees every problem at once. Rules skip values whose type is wrong, so nothing doubles.
      const seen = new Set(problems.map((p) => `${p.path}\n${p.message}`));
      checkScenarioRules(value, (path, message, hint) => {
        const problem = { path: jsonPath(path), message, ...(hint ? { hint } : {}) };
        if (!seen.has(`${problem.path}\n${message}`)) problems.push(problem);
      });
      if (problems.length > MAX_PROBLEMS) {
        const more = problems.length - MAX_PROBLEMS;
        return fail([
          ...problems.slice(0, MAX_PROBLEMS),
          { path: '$', message: `… and ${more} more problem${more === 1 ? '' : 's'} not listed here.` },
        ]);
      }
      return fail(problems.length > 0 ? problems : [{ path: '$', message: 'The scenario is not valid.' }]);
    }
    return { ok: true, scenario: result.data, hash: hashOf(result.data) };
  } catch (error) {
    // Nothing above should throw; if it does, the caller still gets an answer, not an exception.
    return fail([{ path: '$', message: `The scenario could not be checked: ${error instanceof Error ? error.message : String(error)}.` }]);
  }
}

/**
 * Parses a scenario file's text. `source` (a file name) only makes messages clearer.
 * The hash is the SHA-256 of the canonical JSON of the parsed scenario, defaults filled in, so
 * the same content gives the same hash however it is written.
 */
export function parseScenario(text: string, source?: string): ScenarioParseResult {
  try {
    if (typeof text !== 'string') {
      return fail([{ path: '$', message: `Expected the scenario as text, found ${describeValue(text)}.` }]);
    }
    if (text.length > MAX_SCENARIO_BYTES || utf8Length(text, MAX_SCENARIO_BYTES) > MAX_SCENARIO_BYTES) {
      return fail([
        {
          path: '$',
          message: `${named(source)} is too large: expected at most ${MAX_SCENARIO_BYTES / (1024 * 1024)} MB, found more than that (${text.length} characters).`,
          hint: 'A scenario describes the market, not its customers one by one; even a large one is a few hundred kB.',
        },
      ]);
    }
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (body.trim() === '') {
      return fail([
        {
          path: '$',
          message: `${named(source)} is empty: expected a JSON object with the scenario's fields.`,
          hint: 'Start from a built-in scenario such as workshop.json.',
        },
      ]);
    }
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      const where = findJsonSyntaxError(body);
      if (where) {
        return fail([
          {
            path: '$',
            message: `${named(source)} is not valid JSON: at line ${where.line}, column ${where.column} (offset ${where.offset}), ${where.detail}.`,
            ...(where.hint ? { hint: where.hint } : {}),
          },
        ]);
      }
      return fail([
        { path: '$', message: `${named(source)} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.` },
      ]);
    }
    return parseScenarioValue(value);
  } catch (error) {
    return fail([{ path: '$', message: `The scenario could not be read: ${error instanceof Error ? error.message : String(error)}.` }]);
  }
}

/** The JSON Schema of scenario files, input side: fields with defaults are optional. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input' }) as Record<string, unknown>;
}

/** The committed form of `scenarioJsonSchema()`: scenarios/scenario.schema.json, byte for byte. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
