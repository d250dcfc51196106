import { readFile, stat } from 'node:fs/promises';
import { loadBuiltIn, builtInIds } from '../../scenarios/library.ts';
import { MAX_SCENARIO_BYTES, parseScenario, type ScenarioParseResult } from '../../scenarios/load.ts';

/** A built-in scenario id, or a path to a scenario file. */
export async function loadScenarioArg(arg: string): Promise<ScenarioParseResult> {
  if (builtInIds().includes(arg)) return loadBuiltIn(arg);
  if (!arg.includes('/') && !arg.endsWith('.json')) return loadBuiltIn(arg);
  let size: number;
  try {
    size = (await stat(arg)).size;
  } catch (error) {
    return { ok: false, problems: [{ path: '$', message: `cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  if (size > MAX_SCENARIO_BYTES) {
    return { ok: false, problems: [{ path: '$', message: `${arg} is ${size} bytes; a scenario file may be at most ${MAX_SCENARIO_BYTES}` }] };
  }
  return parseScenario(await readFile(arg, 'utf8'), arg);
}

export function printProblems(result: Extract<ScenarioParseResult, { ok: false }>): void {
  for (const p of result.problems) console.error(`  ${p.path}: ${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`);
}
