/**
 * npm run bench [-- <suite> ...]: runs every benchmark suite (or the named ones), each in its
 * own process, merges the results into bench-results.json and prints them as a table.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meetsTarget, type BenchResults } from './bench/entry.ts';
import { suites } from './bench/suites.ts';

async function runSuite(name: string, dir: string): Promise<BenchResults> {
  const out = join(dir, `${name}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/bench/runSuite.ts', name, out], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`suite ${name} exited with ${code}`);
  return JSON.parse(await readFile(out, 'utf8')) as BenchResults;
}

function table(results: BenchResults): string {
  const rows = Object.entries(results).map(([name, e]) => [
    name,
    e.ratio.toFixed(3),
    `${e.better === 'lower' ? '≤' : '≥'} ${e.target}`,
    meetsTarget(e) ? 'ok' : 'MISSED',
    String(e.runs),
    e.baseline,
  ]);
  const head = ['benchmark', 'ratio', 'target', '', 'runs', 'baseline'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !suites.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const dir = await mkdtemp(join(tmpdir(), 'shapan-bench-'));
const results: BenchResults = {};
try {
  for (const suite of suites) {
    if (wanted.length > 0 && !wanted.includes(suite.name)) continue;
    console.log(`running ${suite.name} …`);
    Object.assign(results, await runSuite(suite.name, dir));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
let merged: BenchResults = {};
if (wanted.length > 0) {
  // A partial run updates its own entries and keeps the others.
  merged = JSON.parse(await readFile('bench-results.json', 'utf8').catch(() => '{}')) as BenchResults;
}
Object.assign(merged, results);
await writeFile('bench-results.json', `${JSON.stringify(merged, null, 2)}\n`);
console.log(table(results));
