/**
 * npm run scenario -- check <file|id>
 * npm run scenario -- balance <file|id> [--seeds <n>] [--workers <n>] [--rounds <n>]
 * check: schema and the model's rules, every problem with its JSON path and a hint (exit 1), or
 * a summary (exit 0). balance: the bot tournament on the scenario, with a progress bar — whether
 * any degenerate bot rivals the balanced bot and which levers have their optimum at a bound
 * (exit 1 if either).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { balanceCheck, LEVER_TOLERANCE, moot, type BalanceReport } from './balance/balanceCheck.ts';
import { SEGMENTS, type Scenario } from '../engine/model/scenario.ts';
import { loadScenarioArg } from './io/scenarioSource.ts';
import { runCli, UsageError, wholeNumber } from './io/runCli.ts';
import { renderTable } from './io/table.ts';
import { startProgress } from './tournament/progress.ts';

const USAGE = `usage: npm run scenario -- check <file|id>
       npm run scenario -- balance <file|id> [--seeds <n>] [--workers <n>] [--rounds <n>]`;

function summary(s: Scenario, hash: string): string {
  const customers = s.territories.reduce((n, t) => n + SEGMENTS.reduce((m, seg) => m + t.customers[seg], 0), 0);
  const kinds = new Map<string, number>();
  for (const f of s.firms) kinds.set(f.kind, (kinds.get(f.kind) ?? 0) + 1);
  const tiers = [1, 2, 3].map((tier) => `${s.territories.filter((t) => t.tier === tier).length} in tier ${tier === 3 ? '3–4' : tier}`);
  return [
    `✓ ${s.id}: ${s.title.en} / ${s.title['zh-CN']}`,
    `  rounds        ${s.rounds} (starting in month ${s.startMonth})`,
    `  territories   ${s.territories.length} (${tiers.join(', ')})`,
    `  customers     ${customers.toLocaleString('en')} long-tail, ${s.keyAccounts.length} key accounts`,
    `  firms         ${s.firms.length} (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')})`,
    `  team slots    ${kinds.get('team') ?? 0}`,
    `  shocks        ${s.shocks.length}${s.shocks.length ? ` (${s.shocks.map((x) => `${x.kind} r${x.round}`).join(', ')})` : ''}`,
    `  hash          ${hash}`,
  ].join('\n');
}

async function check(arg: string): Promise<number> {
  const loaded = await loadScenarioArg(arg);
  if (!loaded.ok) {
    const n = loaded.problems.length;
    console.error(`✗ ${arg}: ${n} problem${n === 1 ? '' : 's'}`);
    for (const p of loaded.problems) console.error(`  ${p.path}: ${p.message}${p.hint ? `\n    hint: ${p.hint}` : ''}`);
    return 1;
  }
  console.log(summary(loaded.scenario, loaded.hash));
  return 0;
}

async function balance(arg: string, seeds: number, workers: number, roundsArg: string | undefined): Promise<number> {
  const loaded = await loadScenarioArg(arg);
  if (!loaded.ok) {
    console.error(`✗ ${arg} does not pass check; run: npm run scenario -- check ${arg}`);
    return 1;
  }
  const { scenario, hash } = loaded;
  const rounds = wholeNumber('rounds', roundsArg, scenario.rounds, 1, scenario.rounds);
  let progress: ReturnType<typeof startProgress> | null = null;
  let report: BalanceReport;
  try {
    report = await balanceCheck({ scenario, scenarioHash: hash, seeds, workers, rounds }, (done, total) => {
      progress ??= startProgress(total, 'balance');
      progress.update(done);
    });
  } finally {
    (progress as ReturnType<typeof startProgress> | null)?.stop();
  }
  const rows = Object.entries(report.figures).map(([bot, f]) => [bot, f.median.toFixed(1), f.balancedMedian.toFixed(1), `${(f.winRate * 100).toFixed(0)}%`, moot(bot, scenario) ?? '']);
  console.log(renderTable(['bot', 'median', 'balanced', 'wins', 'not counted because'], rows));
  console.log('');
  console.log(
    report.rivals.length === 0
      ? `✓ no degenerate bot rivals the balanced bot over ${seeds} seeds`
      : `✗ degenerate bots that rival the balanced bot: ${report.rivals.join(', ')}`,
  );
  console.log(
    report.levers.length === 0
      ? `✓ no lever has its optimum at a bound (no lever pushed ×0.5 or ×1.5 scores ${LEVER_TOLERANCE} point higher)`
      : `✗ levers whose optimum lies at or past a bound: ${report.levers.join(', ')}`,
  );
  return report.rivals.length === 0 && report.levers.length === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { seeds: { type: 'string' }, workers: { type: 'string' }, rounds: { type: 'string' } } });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [command, file, ...rest] = parsed.positionals;
    if (!file || rest.length > 0) throw new UsageError(command ? `${command} needs one scenario file or id` : '');
    if (command === 'check') return await check(file);
    if (command === 'balance') {
      const seeds = wholeNumber('seeds', parsed.values.seeds, 30, 1, 10_000);
      const workers = wholeNumber('workers', parsed.values.workers, Math.min(2, availableParallelism()), 1, 16);
      return await balance(file, seeds, workers, parsed.values.rounds);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }
}

runCli(main);
