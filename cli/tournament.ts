/**
 * npm run tournament -- --scenario <id|file> --seeds <n> --bots <a,b,...> [--workers <n>] [--rounds <n>]
 *                       [--json <file>] [--first-seed <n>]
 * Plays every listed bot against the balanced bot on each seed (team 1 balanced, team 2 the bot,
 * in the scenario's shared market) on worker threads, and prints per bot the quartiles of its
 * scorecard total, the balanced bot's median on the same seeds and its win rate against it.
 */
import { stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BOT_IDS, isBotId } from '../engine/bots/index.ts';
import { loadScenarioArg, printProblems } from './io/scenarioSource.ts';
import { renderTable } from './io/table.ts';
import { tournamentFigures, type BotFigures } from './tournament/figures.ts';
import { matchJobs, startMatchPool, type MatchPool } from './tournament/jobs.ts';
import { REFERENCE_BOT, type MatchResult } from './tournament/match.ts';
import { PoolError } from './tournament/pool.ts';
import { startProgress } from './tournament/progress.ts';
import { runCli, UsageError, wholeNumber } from './io/runCli.ts';

const MAX_SEEDS = 10_000;
const MAX_WORKERS = 16;
const DEFAULT_WORKERS = Math.min(2, availableParallelism());

const USAGE = `usage: npm run tournament -- --scenario <id|file> --seeds <n> --bots <a,b,...> [--workers <n>] [--rounds <n>] [--json <file>] [--first-seed <n>]
  --seeds       number of seeds, 1 to ${MAX_SEEDS}; seeds are first-seed, first-seed+1, ... (default first seed 1)
  --bots        bots to play against ${REFERENCE_BOT} (team 1 is always ${REFERENCE_BOT}); known: ${BOT_IDS.join(', ')}
  --workers     worker threads, 1 to ${MAX_WORKERS} (default ${DEFAULT_WORKERS})
  --rounds      rounds per session (default: the scenario's)
  --json        also write the figures to this file
  --first-seed  the first seed, a whole number (default 1)`;



interface TournamentJson {
  readonly scenario: string;
  readonly scenarioHash: string;
  readonly seeds: number;
  readonly firstSeed: number;
  readonly rounds: number;
  readonly bots: Record<string, BotFigures>;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        seeds: { type: 'string' },
        bots: { type: 'string' },
        workers: { type: 'string' },
        rounds: { type: 'string' },
        json: { type: 'string' },
        'first-seed': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }

  let pool: MatchPool | null = null;
  try {
    if (args.scenario === undefined) throw new UsageError('--scenario is required');
    if (args.seeds === undefined) throw new UsageError('--seeds is required');
    if (args.bots === undefined) throw new UsageError('--bots is required');
    const seedCount = wholeNumber('seeds', args.seeds, 0, 1, MAX_SEEDS);
    const firstSeed = wholeNumber('first-seed', args['first-seed'], 1, 0, Number.MAX_SAFE_INTEGER - MAX_SEEDS);
    const workersWanted = wholeNumber('workers', args.workers, DEFAULT_WORKERS, 1, MAX_WORKERS);
    const listed = args.bots.split(',').map((b) => b.trim()).filter((b) => b !== '');
    const unknown = listed.filter((b) => !isBotId(b));
    if (unknown.length) throw new UsageError(`unknown bot(s): ${unknown.join(', ')}`);
    const bots = [...new Set(listed)].filter((b) => b !== REFERENCE_BOT);
    if (bots.length === 0) throw new UsageError(`--bots must name at least one bot other than ${REFERENCE_BOT}`);
    if (args.json !== undefined) {
      const dir = dirname(resolve(args.json));
      const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
      if (!isDir) throw new UsageError(`--json: the folder ${dir} does not exist`);
    }

    const loaded = await loadScenarioArg(args.scenario);
    if (!loaded.ok) {
      console.error(`the scenario "${args.scenario}" cannot be used:`);
      printProblems(loaded);
      console.error(USAGE);
      return 2;
    }
    const { scenario, hash } = loaded;
    if (scenario.firms.filter((f) => f.kind === 'team').length < 2) {
      throw new UsageError(`the scenario "${args.scenario}" has fewer than two team firms; a match needs two`);
    }
    const rounds = wholeNumber('rounds', args.rounds, scenario.rounds, 1, scenario.rounds);

    const seeds = Array.from({ length: seedCount }, (_, i) => String(firstSeed + i));
    const jobs = matchJobs(seeds, bots);
    const workers = Math.min(workersWanted, jobs.length);
    const started = performance.now();
    pool = await startMatchPool(workers, { scenario, scenarioHash: hash, rounds });
    const progress = startProgress(jobs.length, 'matches');
    let results: MatchResult[];
    try {
      results = await pool.run(jobs, (_result, done) => progress.update(done));
    } finally {
      progress.stop();
    }
    const seconds = (performance.now() - started) / 1000;

    const figures = tournamentFigures(results, bots);
    console.log(
      `${scenario.title.en} — seeds ${seeds[0]}..${seeds.at(-1)}, ${rounds} rounds, ${jobs.length} matches on ${workers} worker${workers === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`,
    );
    console.log(
      renderTable(
        ['bot', 'median', 'Q1', 'Q3', `${REFERENCE_BOT} median`, `wins vs ${REFERENCE_BOT}`],
        bots.map((bot) => {
          const f = figures[bot]!;
          return [bot, f.median.toFixed(1), f.q1.toFixed(1), f.q3.toFixed(1), f.balancedMedian.toFixed(1), `${(f.winRate * 100).toFixed(1)}%`];
        }),
      ),
    );
    console.log('');
    console.log('magnitudes (medians over the seeds; the field: operating margin 8–15%, long-tail churn 15–30% and rep attrition 15–25% a year)');
    const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;
    const win = (bp: number) => (bp < 0 ? '—' : pct(bp));
    console.log(
      renderTable(
        ['bot', 'op. margin', 'selling costs', 'LT churn/yr', 'rep attrition/yr', 'revenue/rep/yr', 'KA contests won'],
        bots.map((bot) => {
          const g = figures[bot]!.magnitudes;
          return [bot, pct(g.operatingMarginBp), pct(g.sellingCostBp), pct(g.ltChurnBp), pct(g.repAttritionBp), Math.round(g.revenuePerRep).toLocaleString('en'), win(g.accountWinBp)];
        }),
      ),
    );
    if (args.json !== undefined) {
      const out: TournamentJson = { scenario: scenario.id, scenarioHash: hash, seeds: seedCount, firstSeed, rounds, bots: figures };
      await writeFile(args.json, `${JSON.stringify(out, null, 2)}\n`);
      console.log(`figures: ${args.json}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      console.error(USAGE);
      return 2;
    }
    if (error instanceof PoolError) {
      console.error(`tournament stopped: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await pool?.close();
  }
}

runCli(main);
