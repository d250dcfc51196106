import { phrase, type Phrase } from './phrase.ts';
import { outcomesOf, type GroupFigures, type KpiSummary, type TeamFigures } from './reportModel.ts';

/**
 * The deck's 5 Whys, run on a team's own figures: from its worst KPI down to the way the team
 * is run. Every answer carries a number from the log; where the data offers several causes at a
 * level, the one furthest out of line is taken.
 */
export interface WhyStep {
  readonly question: Phrase;
  readonly answer: Phrase;
}

export interface FiveWhys {
  /** The worst KPI (a territory's revenue against target); null when the team had none. */
  readonly kpi: KpiSummary | null;
  readonly steps: readonly WhyStep[];
  /** The management mechanism the chain ends at: where the team's PDCA should start. */
  readonly root: Phrase | null;
}

/** A share move smaller than this (bp) is not a cause. */
const SHARE_MOVE_BP = 100;

/** Most red weeks first, then the lowest revenue against target. */
export function worstKpi(team: TeamFigures): KpiSummary | null {
  const ranked = team.kpis.filter((k) => k.weeks > 0).sort((a, b) => b.red - a.red || a.attainment - b.attainment || (a.territory < b.territory ? -1 : 1));
  return ranked[0] ?? null;
}

/** The other teams' figures, to compare with (empty in a one-team session). */
export function peersOf(group: GroupFigures, team: TeamFigures): readonly TeamFigures[] {
  return group.teams.filter((t) => t.team.id !== team.team.id);
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Rival firms in the team's market that sold in the territory in the last round. */
function rivalsIn(group: GroupFigures, team: TeamFigures, territory: string): number[] {
  const market = group.state.markets[team.market]!;
  const last = outcomesOf(group, team).at(-1)!;
  return market.firms.map((_, i) => i).filter((i) => i !== team.firm && last.firms[i]?.active && market.firms[i]!.territories.includes(territory));
}

function kpiStep(kpi: KpiSummary): WhyStep {
  const territory = { territory: kpi.territory };
  const missed = kpi.attainment < 1 || kpi.red > 0 || kpi.yellow > 0;
  return {
    question: phrase('report.why.q-kpi', { territory }),
    answer: missed
      ? phrase('report.why.kpi', { territory, revenue: { money: kpi.revenue }, target: { money: kpi.target }, attainment: { ratio: kpi.attainment }, red: kpi.red, weeks: kpi.weeks })
      : phrase('report.why.kpi-met', { territory, attainment: { ratio: kpi.attainment }, green: kpi.green, weeks: kpi.weeks }),
  };
}

/** Level 2: what happened to revenue there — share lost, demand lost, a stretched target, or a share that never grew. */
function revenueStep(group: GroupFigures, team: TeamFigures, kpi: KpiSummary): WhyStep {
  const t = team.territories.find((x) => x.id === kpi.territory)!;
  const territory = { territory: t.id };
  const question = phrase('report.why.q-revenue', { territory });
  const first = t.shareBp[0] ?? 0;
  const last = t.shareBp.at(-1) ?? 0;
  if (first - last >= SHARE_MOVE_BP) {
    const outcomes = outcomesOf(group, team);
    const gains = outcomes[0]!.territories[t.index]!.shareBp.map((s, i) => ({ i, gain: (outcomes.at(-1)!.territories[t.index]!.shareBp[i] ?? 0) - s }));
    const rival = gains.filter((g) => g.i !== team.firm).sort((a, b) => b.gain - a.gain || a.i - b.i)[0];
    const params = { territory, from: { bp: first }, to: { bp: last } };
    return {
      question,
      answer:
        rival && rival.gain > 0
          ? phrase('report.why.share-fell', { ...params, rival: { firm: rival.i, market: team.market }, points: { points: rival.gain } })
          : phrase('report.why.share-fell-plain', params),
    };
  }
  const stretch = kpi.baseline > 0 ? kpi.target / kpi.baseline - 1 : 0;
  const ofBaseline = kpi.baseline > 0 ? kpi.revenue / kpi.baseline : 0;
  if (stretch >= 0.1 && ofBaseline >= 0.95) {
    return { question, answer: phrase('report.why.stretch', { stretch: { ratio: stretch }, baseline: { ratio: ofBaseline } }) };
  }
  const unitsFirst = t.units[0] ?? 0;
  const unitsLast = t.units.at(-1) ?? 0;
  if (unitsFirst > 0 && unitsLast < unitsFirst * 0.95) {
    return { question, answer: phrase('report.why.demand-fell', { territory, from: { count: unitsFirst }, to: { count: unitsLast }, drop: { ratio: 1 - unitsLast / unitsFirst } }) };
  }
  return { question, answer: phrase('report.why.share-low', { territory, share: { bp: Math.round(mean(t.shareBp)) }, overall: { bp: Math.round(mean(team.shareBp)) } }) };
}

/** Level 3: the lever buyers there weighed against us — the engine's own reason first, then price, coverage, awareness. */
function leverStep(group: GroupFigures, team: TeamFigures, kpi: KpiSummary): WhyStep {
  const territory = { territory: kpi.territory };
  const question = phrase('report.why.q-lever', { territory });
  const engine = team.explanations
    .filter((e) => e.firm === team.firm && e.code === 'why.share-down' && e.params.territory === kpi.territory)
    .sort((a, b) => b.weight - a.weight || a.round - b.round)[0];
  if (engine) {
    return { question, answer: phrase('report.why.engine-cause', { round: engine.round, cause: { cause: String(engine.params.cause) }, ratio: { ratio: Number(engine.params.ratioPct) / 100 } }) };
  }
  const market = group.state.markets[team.market]!;
  const ti = market.territories.findIndex((x) => x.id === kpi.territory);
  const tier = market.territories[ti]!.tier;
  const rivals = rivalsIn(group, team, kpi.territory);
  const last = outcomesOf(group, team).at(-1)!;
  const ours = team.pricePm.at(-1)?.[tier - 1] ?? 1000;
  const theirs = mean(rivals.map((r) => last.firms[r]!.pricePm[tier - 1]!));
  if (rivals.length > 0 && ours > theirs * 1.03) {
    return { question, answer: phrase('report.why.price', { tier: { tier }, ours: { pm: ours }, rivals: { pm: Math.round(theirs) } }) };
  }
  const stock = market.territories[ti]!;
  const coverage = mean(rivals.map((r) => stock.coverage[r]!));
  if (rivals.length > 0 && stock.coverage[team.firm]! < coverage * 0.9) {
    return { question, answer: phrase('report.why.coverage', { territory, ours: { count: stock.coverage[team.firm]! }, rivals: { count: coverage } }) };
  }
  const awareness = mean(rivals.map((r) => stock.awareness[r]!));
  if (rivals.length > 0 && stock.awareness[team.firm]! < awareness * 0.9) {
    return { question, answer: phrase('report.why.awareness', { territory, ours: { count: stock.awareness[team.firm]! }, rivals: { count: awareness } }) };
  }
  return {
    question,
    answer: phrase('report.why.no-lever', { price: { pm: ours }, rivalPrice: { pm: Math.round(theirs || ours) }, coverage: { count: stock.coverage[team.firm]! }, rivalCoverage: { count: coverage } }),
  };
}

/** Level 4: where selling did not turn into sales — the funnel's leak, delivery, or customers lost. */
function executionStep(group: GroupFigures, team: TeamFigures): WhyStep {
  const question = phrase('report.why.q-execution');
  const peers = peersOf(group, team);
  const k = team.funnel.leakiest;
  const norm = (stage: number) =>
    peers.length > 0 ? mean(peers.map((p) => p.funnel.lossRates[stage]!)) : 1 - group.scenario.coefficients.funnel.passBp[stage]! / 10_000;
  const excess = k > 0 ? team.funnel.lossRates[k]! - norm(k) : -1;
  const funnel = () =>
    phrase(peers.length > 0 ? 'report.why.funnel' : 'report.why.funnel-norm', { stage: { lossStage: k }, ours: { ratio: team.funnel.lossRates[k]! }, norm: { ratio: norm(k) } });
  if (k > 0 && excess > 0.02) return { question, answer: funnel() };
  const outcomes = outcomesOf(group, team);
  const fills = outcomes.map((o) => ({ round: o.round, fill: o.firms[team.firm]!.fillBp })).sort((a, b) => a.fill - b.fill || a.round - b.round);
  if (fills[0] && fills[0].fill < 9700) return { question, answer: phrase('report.why.fill', { round: fills[0].round, fill: { bp: fills[0].fill } }) };
  if (team.lostCustomers > team.wonCustomers) {
    return { question, answer: phrase('report.why.churn', { lost: { count: team.lostCustomers }, won: { count: team.wonCustomers }, csat: team.csat.at(-1) ?? 0 }) };
  }
  if (k > 0) return { question, answer: funnel() };
  return { question, answer: phrase('report.why.no-funnel', { leads: { count: team.funnel.counts[0]! }, won: { count: team.funnel.counts[4]! } }) };
}

interface Cause {
  readonly severity: number;
  readonly answer: Phrase;
  readonly root: Phrase;
}

/** Level 5: how the team was run — morale and leavers, incentives, training, conflict — the worst against its peers. */
function teamStep(group: GroupFigures, team: TeamFigures, kpi: KpiSummary): { step: WhyStep; root: Phrase } {
  const peers = peersOf(group, team);
  const causes: Cause[] = [];
  const low = Math.min(...team.morale);
  const lowRound = team.rounds[team.morale.indexOf(low)]!;
  const leavers = team.leavers.reduce((s, l) => s + l.length, 0);
  if (low < 60 || leavers > 0) {
    causes.push({
      severity: Math.max(0, (60 - low) / 60) + leavers * 0.15,
      answer: leavers > 0 ? phrase('report.why.morale', { morale: low, round: lowRound, leavers }) : phrase('report.why.morale-only', { morale: low, round: lowRound }),
      root: phrase('report.root.morale'),
    });
  }
  for (const line of ['incentives', 'training'] as const) {
    const ours = team.spend[line];
    const theirs = mean(peers.map((p) => p.spend[line]));
    if (theirs > 0 && ours < theirs * 0.6) {
      causes.push({
        severity: (1 - ours / theirs) * (line === 'incentives' ? 0.8 : 0.6),
        answer: phrase(`report.why.${line}`, { ours: { money: ours }, peers: { money: theirs } }),
        root: phrase(`report.root.${line}`),
      });
    }
  }
  const conflict = Math.max(...team.conflict);
  if (conflict >= 40) {
    causes.push({
      severity: (conflict - 30) / 70,
      answer: phrase('report.why.conflict', { conflict, round: team.rounds[team.conflict.indexOf(conflict)]!, mediation: { money: team.spend.mediation } }),
      root: phrase('report.root.conflict'),
    });
  }
  const worst = causes.sort((a, b) => b.severity - a.severity)[0];
  const question = phrase('report.why.q-team');
  if (worst) return { step: { question, answer: worst.answer }, root: worst.root };
  return {
    step: { question, answer: phrase('report.why.team-ok', { morale: team.morale.at(-1) ?? 0, leavers, territory: { territory: kpi.territory } }) },
    root: phrase('report.root.plan', { territory: { territory: kpi.territory } }),
  };
}

export function fiveWhys(group: GroupFigures, team: TeamFigures): FiveWhys {
  const kpi = worstKpi(team);
  if (!kpi) return { kpi: null, steps: [], root: null };
  const last = teamStep(group, team, kpi);
  return {
    kpi,
    steps: [kpiStep(kpi), revenueStep(group, team, kpi), leverStep(group, team, kpi), executionStep(group, team), last.step],
    root: last.root,
  };
}
