/**
 * npm run lessons -- --scenario <id|file> [--seeds <n>] [--first-seed <s>] [--workers <n>]
 *                    [--lesson <id,...>] [--no-elasticities] [--json <out.json>] [--lang …]
 * A trainer's proof that a scenario teaches: for each lesson of the deck it lists, the reference
 * manager following the lesson against the same manager ignoring it, over the same seeded
 * markets, and the model's elasticities beside the published means. Exit 1 when a lesson does
 * not hold or an elasticity is out of its range.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { t } from '../engine/i18n/describe.ts';
import type { Locale } from '../engine/i18n/locale.ts';
import { LESSON_IDS, type LessonId } from '../engine/model/scenario.ts';
import { DEFAULT_SCENARIO_ID } from '../scenarios/library.ts';
import { startTrialRunner } from './experiment/pool.ts';
import { cliLocale } from './io/locale.ts';
import { runCli, UsageError, wholeNumber } from './io/runCli.ts';
import { loadScenarioArg, printProblems } from './io/scenarioSource.ts';
import { renderTable } from './io/table.ts';
import { ELASTICITY_TARGETS, inRange, LEVERS } from './lessons/elasticities.ts';
import { formatBp, formatMoney, formatShare } from './lessons/format.ts';
import { runLessons, type LessonsReport } from './lessons/runLessons.ts';
import { startProgress, type Progress } from './tournament/progress.ts';

function print(report: LessonsReport, locale: Locale, title: string): boolean {
  console.log(t(locale, 'lessons.heading', { scenario: title, seeds: report.seeds, first: report.firstSeed }));
  console.log('');
  const rows = report.lessons.map((l) => [
    t(locale, `lesson.${l.id}`),
    t(locale, `change.${l.change || 'none'}`),
    l.medianDelta.toFixed(1),
    formatMoney(l.revenueDelta, locale),
    formatMoney(l.profitDelta, locale),
    formatShare(l.winShare),
    t(locale, l.holds ? 'lessons.yes' : 'lessons.no'),
  ]);
  console.log(
    renderTable(
      ['lesson', 'change', 'delta', 'revenue', 'profit', 'won', 'holds'].map((c) => t(locale, `lessons.col.${c}`)),
      rows,
    ),
  );
  console.log('');
  console.log(t(locale, 'lessons.rule'));
  const failed = report.lessons.filter((l) => !l.holds).map((l) => l.id);
  console.log(failed.length === 0 ? t(locale, 'lessons.all-hold') : t(locale, 'lessons.some-fail', { list: failed.join(', ') }));
  let elasticOk = true;
  if (report.elasticities) {
    console.log('');
    console.log(t(locale, 'lessons.elasticities'));
    for (const lever of LEVERS) {
      const target = ELASTICITY_TARGETS[lever];
      const value = report.elasticities[lever];
      const ok = inRange(lever, value);
      elasticOk &&= ok;
      console.log(
        t(locale, 'lessons.elasticity', {
          lever: t(locale, `lever.${lever}`),
          value: value.toFixed(2),
          published: target.published,
          source: target.source,
          min: target.min,
          max: target.max,
          mark: ok ? '✓' : '✗',
          all: (report.elasticitiesAllUnits?.[lever] ?? value).toFixed(2),
        }),
      );
    }
  }
  const r = report.reference;
  console.log('');
  console.log(
    t(locale, 'lessons.reference', {
      score: r.score.toFixed(1),
      revenue: formatMoney(r.revenue, 'en'),
      margin: formatBp(r.operatingMarginBp),
      selling: formatBp(r.sellingCostBp),
      churn: formatBp(r.ltChurnBp),
      attrition: formatBp(r.repAttritionBp),
      perRep: formatMoney(r.revenuePerRep, 'en'),
      accounts: r.accountWinBp < 0 ? '—' : formatBp(r.accountWinBp),
    }),
  );
  return failed.length === 0 && elasticOk;
}

async function main(argv: string[]): Promise<number> {
  let locale = cliLocale();
  try {
    let values;
    try {
      values = parseArgs({
        args: argv,
        options: {
          scenario: { type: 'string' },
          seeds: { type: 'string' },
          'first-seed': { type: 'string' },
          workers: { type: 'string' },
          lesson: { type: 'string' },
          'no-elasticities': { type: 'boolean' },
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
      console.log(t(locale, 'lessons.usage'));
      return 0;
    }
    const seeds = wholeNumber('seeds', values.seeds, 20, 1, 10_000);
    const firstSeed = wholeNumber('first-seed', values['first-seed'], 1, 0, 1_000_000_000);
    const workers = wholeNumber('workers', values.workers, Math.min(2, availableParallelism()), 1, 16);
    let lessons: LessonId[] | undefined;
    if (values.lesson !== undefined) {
      const ids = values.lesson.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !(LESSON_IDS as readonly string[]).includes(id));
      if (unknown.length || ids.length === 0) throw new UsageError(`--lesson: unknown lesson ${unknown.join(', ') || '(none given)'}; lessons: ${LESSON_IDS.join(', ')}`);
      lessons = ids as LessonId[];
    }
    const arg = values.scenario ?? DEFAULT_SCENARIO_ID;
    const loaded = await loadScenarioArg(arg);
    if (!loaded.ok) {
      console.error(`the scenario "${arg}" cannot be used:`);
      printProblems(loaded);
      return 2;
    }
    const scenario = loaded.scenario;
    if ((lessons ?? scenario.lessons).length === 0) {
      console.error(t(locale, 'lessons.none', { scenario: scenario.id }));
      return 2;
    }
    const runner = await startTrialRunner(workers, { scenario, rounds: scenario.rounds });
    let progress: Progress | null = null;
    let report: LessonsReport;
    try {
      report = await runLessons({ scenario, seeds, firstSeed, lessons, elasticities: !values['no-elasticities'] }, runner, (done, total) => {
        progress ??= startProgress(total, 'lessons');
        progress.update(done);
      });
    } finally {
      (progress as Progress | null)?.stop();
      await runner.close();
    }
    const ok = print(report, locale, scenario.title[locale]);
    if (values.json) {
      const json = {
        ...report,
        lessons: report.lessons.map((l) => ({ ...l, title: t(locale, `lesson.${l.id}`) })),
      };
      await writeFile(values.json, `${JSON.stringify(json, null, 2)}\n`);
      console.log(t(locale, 'lessons.json', { file: values.json }));
    }
    return ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(t(locale, 'lessons.usage'));
    return 2;
  }
}

runCli(main);
