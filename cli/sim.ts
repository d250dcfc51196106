/**
 * npm run sim -- [--scenario <id|file>] [--seed <s>] [--rounds <n>] [--teams <n>] [--bots <a,b,...>]
 *                [--mode shared|parallel] [--out <log.jsonl>] [--fixed-clock]
 * Plays a whole session with bots, prints the standings and writes the log.
 */
import { parseArgs } from 'node:util';
import { BOT_IDS, isBotId } from '../engine/bots/index.ts';
import { logLines } from '../engine/core/jsonl.ts';
import { playBotSession } from '../engine/session/botSession.ts';
import { DEFAULT_SCENARIO_ID } from '../scenarios/library.ts';
import { writeLines } from './io/logFile.ts';
import { loadScenarioArg, printProblems } from './io/scenarioSource.ts';
import { standings, standingsTable } from './standings.ts';
import { renderTable } from './io/table.ts';
import { firmFigures } from '../engine/model/firmFigures.ts';
import type { SessionState } from '../engine/session/state.ts';
import { firmIndexOf, marketIndexOf } from '../engine/session/teams.ts';
import { runCli, UsageError, wholeNumber } from './io/runCli.ts';

const USAGE = `usage: npm run sim -- [--scenario <id|file>] [--seed <s>] [--rounds <n>] [--teams <n>] [--bots <a,b,...>] [--mode shared|parallel] [--out <log.jsonl>] [--fixed-clock]
bots: ${BOT_IDS.join(', ')}`;



/** Each team's year in the field's terms (docs/model.md, "Magnitudes"). */
function magnitudesTable(state: SessionState): string {
  const scenario = state.scenario!;
  const pct = (bp: number) => `${(bp / 100).toFixed(1)}%`;
    const win = (bp: number) => (bp < 0 ? '—' : pct(bp));
  const rows = state.teams.map((team) => {
    const history = state.history.map((h) => h[marketIndexOf(state, team.id)]!);
    const f = firmFigures(scenario, history, firmIndexOf(state, team));
    return [team.id, pct(f.operatingMarginBp), pct(f.sellingCostBp), pct(f.ltChurnBp), pct(f.repAttritionBp), f.revenuePerRep.toLocaleString('en'), `${f.accountsWon}/${f.accountsLost}/${f.accountsHeld}`, win(f.accountWinBp)];
  });
  return renderTable(['team', 'op. margin', 'selling costs', 'LT churn/yr', 'rep attrition/yr', 'revenue/rep/yr', 'KAs won/lost/held', 'KA contests won'], rows);
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        seed: { type: 'string' },
        rounds: { type: 'string' },
        teams: { type: 'string' },
        bots: { type: 'string' },
        mode: { type: 'string' },
        out: { type: 'string' },
        'fixed-clock': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    return 2;
  }
  try {
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    const loaded = await loadScenarioArg(args.scenario ?? DEFAULT_SCENARIO_ID);
    if (!loaded.ok) {
      console.error(`the scenario "${args.scenario ?? DEFAULT_SCENARIO_ID}" cannot be used:`);
      printProblems(loaded);
      return 2;
    }
    const { scenario, hash } = loaded;
    const slots = scenario.firms.filter((f) => f.kind === 'team').length;
    const botList = (args.bots ?? 'balanced').split(',').map((b) => b.trim());
    const unknown = botList.filter((b) => !isBotId(b));
    if (unknown.length) throw new UsageError(`unknown bot(s): ${unknown.join(', ')}`);
    const mode = args.mode ?? 'shared';
    if (mode !== 'shared' && mode !== 'parallel') throw new UsageError('--mode must be shared or parallel');
    const teams = wholeNumber('teams', args.teams, Math.min(mode === 'shared' ? slots : 12, args.bots ? botList.length : Math.max(botList.length, 4)), 1, mode === 'shared' ? slots : 12);
    if (botList.length !== 1 && botList.length !== teams) throw new UsageError(`--bots lists ${botList.length} bots for ${teams} teams: give one, or one per team`);
    const bots = Array.from({ length: teams }, (_, i) => botList[botList.length === 1 ? 0 : i]!);
    const rounds = wholeNumber('rounds', args.rounds, scenario.rounds, 1, scenario.rounds);
    const seed = args.seed ?? '1';
    const started = performance.now();
    // A fixed clock makes the log itself reproducible byte for byte (golden files); the state
    // hashes never depend on the clock.
    const clock = args['fixed-clock'] ? () => '2026-01-01T00:00:00.000Z' : () => new Date().toISOString();
    const session = playBotSession({ scenario, scenarioHash: hash, seed, bots, rounds, mode, clock });
    const seconds = (performance.now() - started) / 1000;
    console.log(`${scenario.title.en} — seed ${seed}, ${rounds} rounds, ${teams} teams (${mode}), ${seconds.toFixed(2)} s`);
    console.log(standingsTable(standings(session.state)));
    console.log('');
    console.log(magnitudesTable(session.state));
    if (args.out) {
      await writeLines(args.out, logLines(session.header, session.log.events));
      console.log(`log: ${args.out} (${session.log.lastSeq} events, head ${session.log.headHash})`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(USAGE);
    return 2;
  }
}

runCli(main);
