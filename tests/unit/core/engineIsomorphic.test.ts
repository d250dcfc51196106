import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';

/**
 * The engine and the scenarios must give the same bits in Node, Chromium and Firefox and must run
 * in a browser: no engine-approximated Math, no clock, no unseeded randomness, no Node modules.
 * (MODEL.md section 5; DESIGN.md "The event-sourced core".)
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCANNED_DIRS = ['engine', 'scenarios'];

const NODE_BUILTINS = 'fs|path|crypto|os|child_process|worker_threads|http|url|stream|util|buffer|events';
const MODULE = `['"](?:node:[^'"]*|(?:${NODE_BUILTINS})(?:/[^'"]*)?)['"]`;

interface Rule {
  name: string;
  pattern: RegExp;
}

const RULES: readonly Rule[] = [
  { name: 'Math.random', pattern: /\bMath\s*\.\s*random\b/ },
  {
    name: 'engine-approximated Math function',
    pattern:
      /\bMath\s*\.\s*(?:exp|log|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|asinh|acosh|atanh|cbrt|hypot|expm1|log1p)\b/,
  },
  { name: 'Date.now', pattern: /\bDate\s*\.\s*now\b/ },
  { name: 'new Date', pattern: /\bnew\s+Date\b/ },
  { name: 'performance.now', pattern: /\bperformance\s*\.\s*now\b/ },
  // `**` is exact only for an integer exponent; a variable exponent may not be one.
  { name: '** with a non-integer exponent', pattern: /\*\*(?!=?\s*(?:-?\s*\d+n?(?![\w.])|\(\s*-?\s*\d+n?\s*\)))/ },
  { name: 'Node built-in import', pattern: new RegExp(`(?:\\bfrom\\s*|\\bimport\\s*\\(?\\s*)${MODULE}`) },
  { name: 'require(', pattern: /\brequire\s*\(/ },
];

interface Hit {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/**
 * Removes comments from one line. `inBlock` says whether the line starts inside a block comment;
 * the returned flag says whether the next line does. Quotes are tracked within the line so that
 * a "//" inside a string (a URL, say) does not start a comment.
 */
function stripComments(line: string, inBlock: boolean): { code: string; inBlock: boolean } {
  let code = '';
  let quote: string | null = null;
  let i = 0;
  while (i < line.length) {
    const ch = line[i]!;
    const next = line[i + 1];
    if (inBlock) {
      if (ch === '*' && next === '/') {
        inBlock = false;
        i += 2;
      } else {
        i += 1;
      }
      continue;
    }
    if (quote !== null) {
      code += ch;
      if (ch === '\\') {
        code += next ?? '';
        i += 2;
        continue;
      }
      if (ch === quote) quote = null;
      i += 1;
      continue;
    }
    if (ch === '/' && next === '/') break;
    if (ch === '/' && next === '*') {
      inBlock = true;
      code += ' ';
      i += 2;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    code += ch;
    i += 1;
  }
  return { code, inBlock };
}

/** Every rule broken by `source`, with its 1-based line number; comments are ignored. */
function scanSource(file: string, source: string): Hit[] {
  const hits: Hit[] = [];
  let inBlock = false;
  source.split(/\r?\n/).forEach((line, index) => {
    const stripped = stripComments(line, inBlock);
    inBlock = stripped.inBlock;
    for (const rule of RULES) {
      if (rule.pattern.test(stripped.code)) hits.push({ file, line: index + 1, rule: rule.name, text: line.trim() });
    }
  });
  return hits;
}

function listTsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listTsFiles(path));
    } else if (/\.(?:ts|mts|cts|tsx)$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out.sort();
}

const format = (h: Hit) => `${h.file}:${h.line}: ${h.rule}: ${h.text}`;

describe('engine and scenarios are isomorphic and deterministic', () => {
  const files = SCANNED_DIRS.flatMap((d) => listTsFiles(join(ROOT, d)));

  it('finds the engine sources to scan', () => {
    const names = files.map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(names).toContain('engine/core/detMath.ts');
    expect(names).toContain('engine/core/rng.ts');
  });

  it('uses no Math.random, approximated Math, clock, non-integer **, Node built-in or require', () => {
    const hits = files.flatMap((f) => scanSource(relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')));
    expect(hits.map(format)).toEqual([]);
  });
});

describe('the scanner itself', () => {
  const flagged = (source: string) => scanSource('sample.ts', source).map((h) => h.rule);

  it('flags Math.random, with file and line', () => {
    const hits = scanSource('engine/model/market.ts', 'const a = 1;\nconst roll = Math.random();\n');
    expect(hits.map(format)).toEqual(['engine/model/market.ts:2: Math.random: const roll = Math.random();']);
  });

  it('flags every approximated Math function but not the exact ones', () => {
    const approximated = ['exp', 'log', 'log2', 'log10', 'pow', 'sin', 'cos', 'tan', 'atan', 'atan2', 'sinh', 'cosh'];
    for (const f of [...approximated, 'tanh', 'cbrt', 'hypot', 'expm1', 'log1p']) {
      expect(flagged(`const v = Math.${f}(x);`), f).toEqual(['engine-approximated Math function']);
    }
    for (const f of ['sqrt', 'floor', 'ceil', 'trunc', 'round', 'abs', 'min', 'max', 'imul', 'sign', 'fround']) {
      expect(flagged(`const v = Math.${f}(x);`), f).toEqual([]);
    }
    expect(flagged('const e = Math.exponent;')).toEqual([]);
    expect(flagged('const f = Math . pow;')).toEqual(['engine-approximated Math function']);
  });

  it('flags clocks', () => {
    expect(flagged('const t = Date.now();')).toEqual(['Date.now']);
    expect(flagged('const d = new Date(ts);')).toEqual(['new Date']);
    expect(flagged('const t = performance.now();')).toEqual(['performance.now']);
    expect(flagged('const t = globalThis.performance.now();')).toEqual(['performance.now']);
    expect(flagged('type Stamp = { date: string };')).toEqual([]);
  });

  it('flags ** unless the exponent is an integer literal', () => {
    expect(flagged('const a = x ** 0.5;')).toEqual(['** with a non-integer exponent']);
    expect(flagged('const a = x ** y;')).toEqual(['** with a non-integer exponent']);
    expect(flagged('const a = x ** (1 / 3);')).toEqual(['** with a non-integer exponent']);
    expect(flagged('a **= 1.5;')).toEqual(['** with a non-integer exponent']);
    expect(flagged('const a = 2 ** 53;')).toEqual([]);
    expect(flagged('const a = x**2 + y ** -1;')).toEqual([]);
    expect(flagged('const a = x ** (-2);')).toEqual([]);
    expect(flagged('const a = 10n ** 18n;')).toEqual([]);
    expect(flagged('a **= 3;')).toEqual([]);
    expect(flagged('const a = x ** 2.5;')).toEqual(['** with a non-integer exponent']);
    expect(flagged('const a = x ** 1e-3;')).toEqual(['** with a non-integer exponent']);
    expect(flagged('const a = x ** (2 + y);')).toEqual(['** with a non-integer exponent']);
  });

  it('flags Node built-ins and require, but not project or package imports', () => {
    const rule = 'Node built-in import';
    expect(flagged("import { readFileSync } from 'node:fs';")).toEqual([rule]);
    expect(flagged("import { readFile } from 'fs/promises';")).toEqual([rule]);
    expect(flagged('import * as path from "path";')).toEqual([rule]);
    expect(flagged("import { createHash } from 'crypto';")).toEqual([rule]);
    expect(flagged("export { EventEmitter } from 'events';")).toEqual([rule]);
    expect(flagged("import 'os';")).toEqual([rule]);
    expect(flagged("const w = await import('worker_threads');")).toEqual([rule]);
    for (const m of ['child_process', 'http', 'url', 'stream', 'util', 'buffer']) {
      expect(flagged(`import x from '${m}';`), m).toEqual([rule]);
    }
    expect(flagged("const fs = require('fs');")).toEqual(['require(']);
    expect(flagged("import { ledger } from './fs.ts';")).toEqual([]);
    expect(flagged("import alea from 'seedrandom/lib/alea.js';")).toEqual([]);
    expect(flagged("import { sha256 } from '@noble/hashes/sha2.js';")).toEqual([]);
    expect(flagged("import { x } from 'eventsource';")).toEqual([]);
    expect(flagged("const kind = 'events';")).toEqual([]);
    expect(flagged('const r = myrequire(x);')).toEqual([]);
  });

  it('ignores comments, but not code after a comment closes or a "//" inside a string', () => {
    expect(flagged('// Math.random() would break replay')).toEqual([]);
    expect(flagged('  /** Math.exp differs between engines. */')).toEqual([]);
    expect(flagged('/*\n * Date.now() is never read\n * x ** 0.5\n */\nconst a = 1;')).toEqual([]);
    expect(flagged('const a = 1; // Math.random()')).toEqual([]);
    expect(flagged('/* note */ const r = Math.random();')).toEqual(['Math.random']);
    expect(flagged("const url = 'https://example.com'; const r = Math.random();")).toEqual(['Math.random']);
    const lines = scanSource('sample.ts', '/**\n * Math.pow\n */\nconst t = Date.now();').map((h) => h.line);
    expect(lines).toEqual([4]);
  });
});
