import type { FiveWhys } from './fiveWhys.ts';
import { phrase, type Phrase } from './phrase.ts';
import type { TeamFigures } from './reportModel.ts';

/**
 * The deck's PDCA cycle as a worksheet for the team's next period: the Plan's target is its
 * worst KPI and the cause its 5 Whys ended at; Check names the figures to watch, with today's
 * values; the rest is left blank for the team to fill in.
 */
export interface PdcaPlan {
  readonly target: Phrase;
  readonly cause: Phrase | null;
  /** The SMART test of the target: each letter's question. */
  readonly smart: readonly Phrase[];
  readonly check: readonly Phrase[];
  readonly act: readonly Phrase[];
  /** Empty lines to write on, for Do (actions) and at the end of each stage. */
  readonly doLines: number;
  readonly blankLines: number;
}

/** Weeks of four green in the target: three, so one slow week does not fail the plan. */
export const GREEN_WEEKS_TARGET = 3;

export function pdcaPlan(team: TeamFigures, whys: FiveWhys): PdcaPlan {
  const kpi = whys.kpi;
  const territory = kpi ? { territory: kpi.territory } : null;
  const t = territory ? team.territories.find((x) => x.id === territory.territory) : undefined;
  const k = team.funnel.leakiest;
  const check: Phrase[] = [];
  if (territory) check.push(phrase('report.pdca.check-lights', { territory }));
  if (territory && t) check.push(phrase('report.pdca.check-share', { territory, share: { bp: t.shareBp.at(-1) ?? 0 } }));
  if (k > 0) check.push(phrase('report.pdca.check-funnel', { stage: { lossStage: k }, loss: { ratio: team.funnel.lossRates[k]! } }));
  check.push(phrase('report.pdca.check-morale', { morale: team.morale.at(-1) ?? 0 }));
  return {
    target:
      kpi && territory
        ? phrase('report.pdca.target', { territory, target: { money: kpi.lastTarget }, weeks: GREEN_WEEKS_TARGET, attainment: { ratio: kpi.attainment } })
        : phrase('report.pdca.target-none'),
    cause: whys.root,
    smart: ['s', 'm', 'a', 'r', 't'].map((letter) => phrase(`report.pdca.smart-${letter}`)),
    check,
    act: [phrase('report.pdca.act-keep'), phrase('report.pdca.act-change')],
    doLines: 6,
    blankLines: 2,
  };
}
