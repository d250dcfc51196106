/**
 * npm run negotiate -- tournament [--scenario <id|file>] [--strategies <id,...>] [--seeds <n>]
 *                                 [--first-seed <s>] [--json <out.json>] [--lang …]
 * The negotiation strategies against every key-account renewal the reference manager meets in a
 * scenario, over seeded markets: how often each closes (the account signs with the seller after
 * the buyer weighed the defending offer), at what price and margin, with what score.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { summarizeTournament, TOURNAMENT_STRATEGIES, tournamentDeals, tournamentStrategy, type StrategySummary, type TournamentStrategy } from '../../engine/bots/negotiationTournament.ts';
import { t } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import { DEFAULT_SCENARIO_ID } from '../../scenarios/library.ts';
import { cliLocale } from '../io/locale.ts';
import { UsageError, wholeNumber } from '../io/runCli.ts';
import { loadScenarioArg, printProblems } from '../io/scenarioSource.ts';
import { renderTable } from '../io/table.ts';
import { formatShare } from '../lessons/format.ts';
import { startProgress } from '../tournament/progress.ts';

function strategiesArg(value: string | undefined): TournamentStrategy[] {
  if (value === undefined) return [...TOURNAMENT_STRATEGIES];
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !tournamentStrategy(id));
  if (ids.length === 0 || unknown.length > 0) {
    throw new UsageError(`--strategies: unknown strategy ${unknown.join(', ') || '(none given)'}; strategies: ${TOURNAMENT_STRATEGIES.map((s) => s.id).join(', ')}`);
  }
  return [...new Set(ids)].map((id) => tournamentStrategy(id)!);
}

function print(rows: readonly StrategySummary[], locale: Locale, title: string, seeds: number, first: number): void {
  console.log(t(locale, 'tournament-n.heading', { scenario: title, seeds, first }));
  console.log('');
  console.log(
    renderTable(
      ['strategy', 'renewals', 'agreed', 'closed', 'split', 'price', 'margin', 'score'].map((c) => t(locale, `tournament-n.col.${c}`)),
      rows.map((r) => [
        r.id,
        String(r.deals),
        formatShare(r.agreeRate),
        formatShare(r.closeRate),
        formatShare(r.splitRate),
        r.medianDealPm > 0 ? (r.medianDealPm / 10).toFixed(1) + '%' : '—',
        r.medianMarginPm > 0 ? (r.medianMarginPm / 10).toFixed(1) + '%' : '—',
        r.meanScore.toFixed(1),
      ]),
    ),
  );
  console.log('');
  console.log(t(locale, 'tournament-n.legend'));
}

export async function negotiationTournament(argv: string[]): Promise<number> {
  let locale = cliLocale();
  try {
    let values;
    try {
      values = parseArgs({
        args: argv,
        options: {
          scenario: { type: 'string' },
          strategies: { type: 'string' },
          seeds: { type: 'string' },
          'first-seed': { type: 'string' },
          json: { type: 'string' },
          lang: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
      }).values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    locale = cliLocale(values.lang);
    if (values.help) {
      console.log(t(locale, 'tournament-n.usage'));
      return 0;
    }
    const strategies = strategiesArg(values.strategies);
    const seeds = wholeNumber('seeds', values.seeds, 20, 1, 10_000);
    const firstSeed = wholeNumber('first-seed', values['first-seed'], 1, 0, 1_000_000_000);
    const arg = values.scenario ?? DEFAULT_SCENARIO_ID;
    const loaded = await loadScenarioArg(arg);
    if (!loaded.ok) {
      console.error(`the scenario "${arg}" cannot be used:`);
      printProblems(loaded);
      return 2;
    }
    const scenario = loaded.scenario;
    const progress = startProgress(seeds, 'negotiation tournament');
    const deals = [];
    try {
      for (let i = 0; i < seeds; i++) {
        deals.push(...tournamentDeals(scenario, String(firstSeed + i), strategies));
        progress.update(i + 1);
      }
    } finally {
      progress.stop();
    }
    const rows = summarizeTournament(deals, strategies);
    if (rows.every((r) => r.deals === 0)) {
      console.error(t(locale, 'tournament-n.no-renewals', { scenario: scenario.id }));
      return 1;
    }
    print(rows, locale, scenario.title[locale], seeds, firstSeed);
    if (values.json) {
      const json = {
        scenario: scenario.id,
        seeds,
        firstSeed,
        strategies: rows.map((r) => ({ id: r.id, renewals: r.deals, agreeRate: r.agreeRate, closeRate: r.closeRate, splitRate: r.splitRate, medianDealPm: r.medianDealPm, medianMarginPm: r.medianMarginPm, meanScore: r.meanScore })),
      };
      await writeFile(values.json, `${JSON.stringify(json, null, 2)}\n`);
      console.log(t(locale, 'tournament-n.json', { file: values.json }));
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(t(locale, 'tournament-n.usage'));
    return 2;
  }
}
