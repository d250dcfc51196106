/**
 * npm run scenario -- check <file|id>
 * npm run scenario -- balance <file|id> [--seeds <n>] [--workers <n>] [--rounds <n>]
 *                                       [--search <evals>] [--one-change] [--first-seed <s>] [--json <out.json>]
 * check: schema and the model's rules, every problem with its JSON path and a hint (exit 1), or
 * a summary (exit 0). balance: the bot tournament on the scenario, with a progress bar — whether
 * any degenerate bot rivals the balanced bot and which levers have their optimum at a bound —
 * and, with --search, an adversarial search over every lever for a plan that beats the
 * reference by more than SEARCH_LIMIT points on held-out seeds; with --one-change, every policy
 * one field away from the reference, failing when one beats it by more than a point in more than
 * 60% of the seeds (exit 1 if any of these).
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { balanceCheck, LEVER_TOLERANCE, moot, type BalanceReport } from './balance/balanceCheck.ts';
import { SEGMENTS, type Scenario } from '../engine/model/scenario.ts';
import { loadScenarioArg } from './io/scenarioSource.ts';
import { runCli, UsageError, wholeNumber } from './io/runCli.ts';
import { renderTable } from './io/table.ts';
import { startProgress } from './tournament/progress.ts';
import { searchPlans, SEARCH_LIMIT, type SearchReport } from './balance/search.ts';
import { oneChangeCheck, ONE_CHANGE_MARGIN, ONE_CHANGE_SHARE, type OneChangeReport } from './balance/oneChange.ts';
import { startTrialRunner } from './experiment/pool.ts';
import { cliLocale } from './io/locale.ts';
import { formatShare } from './lessons/format.ts';
import { t } from '../engine/i18n/describe.ts';

const USAGE = `usage: npm run scenario -- check <file|id>
       npm run scenario -- balance <file|id> [--seeds <n>] [--workers <n>] [--rounds <n>] [--search <evals>] [--one-change] [--first-seed <s>] [--json <out.json>]`;

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

interface BalanceArgs {
  readonly seeds: number;
  readonly workers: number;
  readonly rounds: string | undefined;
  readonly search: number;
  readonly oneChange: boolean;
  readonly firstSeed: number;
  readonly json: string | undefined;
}

async function balance(arg: string, o: BalanceArgs): Promise<number> {
  const { seeds, workers } = o;
  const roundsArg = o.rounds;
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
  let searchOk = true;
  let search: SearchReport | null = null;
  if (o.search > 0) {
    search = await runSearch(scenario, o, rounds);
    searchOk = search.medianMargin <= SEARCH_LIMIT;
  }
  let oneChange: OneChangeReport | null = null;
  if (o.oneChange) oneChange = await runOneChange(scenario, o, rounds);
  if (o.json) {
    const figures = Object.fromEntries(Object.entries(report.figures).map(([bot, f]) => [bot, { median: f.median, balancedMedian: f.balancedMedian, winRate: f.winRate }]));
    await writeFile(o.json, `${JSON.stringify({ scenario: scenario.id, seeds, rivals: report.rivals, levers: report.levers, figures, ...(search ? { search } : {}), ...(oneChange ? { oneChange: { seeds: oneChange.seeds, firstSeed: oneChange.firstSeed, failing: oneChange.failing, strongest: oneChange.changes.slice(0, 20) } } : {}) }, null, 2)}\n`);
    console.log(`results: ${o.json}`);
  }
  return report.rivals.length === 0 && report.levers.length === 0 && searchOk && (oneChange?.failing.length ?? 0) === 0 ? 0 : 1;
}

async function runOneChange(scenario: Scenario, o: BalanceArgs, rounds: number): Promise<OneChangeReport> {
  const locale = cliLocale();
  const runner = await startTrialRunner(o.workers, { scenario, rounds });
  let progress: ReturnType<typeof startProgress> | null = null;
  let report: OneChangeReport;
  try {
    report = await oneChangeCheck({ scenario, seeds: o.seeds, firstSeed: o.firstSeed }, runner, (done, total) => {
      progress ??= startProgress(total, 'one-line changes');
      progress.update(done);
    });
  } finally {
    (progress as ReturnType<typeof startProgress> | null)?.stop();
    await runner.close();
  }
  const share = (x: number) => formatShare(x);
  console.log('');
  console.log(t(locale, 'one-change.heading', { scenario: scenario.id, count: report.changes.length, seeds: o.seeds, first: o.firstSeed }));
  for (const c of report.changes.slice(0, 10)) {
    console.log(t(locale, 'one-change.row', { field: c.field, value: JSON.stringify(c.value), delta: c.medianDelta.toFixed(1), margin: ONE_CHANGE_MARGIN, share: share(c.beatShare) }));
  }
  console.log(
    report.failing.length === 0
      ? t(locale, 'one-change.ok', { margin: ONE_CHANGE_MARGIN, limit: share(ONE_CHANGE_SHARE) })
      : t(locale, 'one-change.fail', { margin: ONE_CHANGE_MARGIN, limit: share(ONE_CHANGE_SHARE), list: report.failing.map((c) => `${c.field}=${JSON.stringify(c.value)}`).join(', ') }),
  );
  return report;
}

async function runSearch(scenario: Scenario, o: BalanceArgs, rounds: number): Promise<SearchReport> {
  const locale = cliLocale();
  const runner = await startTrialRunner(o.workers, { scenario, rounds });
  let progress: ReturnType<typeof startProgress> | null = null;
  let search: SearchReport;
  try {
    search = await searchPlans({ scenario, evals: o.search, seeds: o.seeds, firstSeed: o.firstSeed }, runner, (done, total) => {
      progress ??= startProgress(total, 'search');
      progress.update(done);
    });
  } finally {
    (progress as ReturnType<typeof startProgress> | null)?.stop();
    await runner.close();
  }
  console.log('');
  console.log(t(locale, 'search.heading', { scenario: scenario.id, evals: search.evals, train: search.trainSeeds, seeds: o.seeds, first: o.firstSeed }));
  console.log(t(locale, 'search.result', { margin: search.medianMargin.toFixed(1), share: formatShare(search.winShare) }));
  console.log(t(locale, 'search.plan'));
  for (const [field, value] of Object.entries(search.changes)) console.log(`  ${field}: ${JSON.stringify(value)}`);
  console.log(t(locale, search.medianMargin <= SEARCH_LIMIT ? 'search.ok' : 'search.exploit', { limit: SEARCH_LIMIT }));
  return search;
}

async function main(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          seeds: { type: 'string' },
          workers: { type: 'string' },
          rounds: { type: 'string' },
          search: { type: 'string' },
          'one-change': { type: 'boolean' },
          'first-seed': { type: 'string' },
          json: { type: 'string' },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [command, file, ...rest] = parsed.positionals;
    if (!file || rest.length > 0) throw new UsageError(command ? `${command} needs one scenario file or id` : '');
    if (command === 'check') return await check(file);
    if (command === 'balance') {
      const seeds = wholeNumber('seeds', parsed.values.seeds, 30, 1, 10_000);
      const workers = wholeNumber('workers', parsed.values.workers, Math.min(2, availableParallelism()), 1, 16);
      const search = wholeNumber('search', parsed.values.search, 0, 0, 100_000);
      const firstSeed = wholeNumber('first-seed', parsed.values['first-seed'], 1, 0, 1_000_000_000);
      return await balance(file, { seeds, workers, rounds: parsed.values.rounds, search, oneChange: parsed.values['one-change'] === true, firstSeed, json: parsed.values.json });
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
