import { peersOf, worstKpi } from './fiveWhys.ts';
import { phrase, type Phrase } from './phrase.ts';
import { outcomesOf, shareOver, type GroupFigures, type TeamFigures } from './reportModel.ts';

/**
 * The deck's SWOT, from a team's position at the end: strengths and weaknesses from its own
 * scorecard, KPIs, share and accounts against the other teams; opportunities and threats from
 * the market around it — territories' growth, rivals' moves, key accounts coming up for renewal,
 * shocks under way or signalled.
 */
export interface Swot {
  readonly strengths: readonly Phrase[];
  readonly weaknesses: readonly Phrase[];
  readonly opportunities: readonly Phrase[];
  readonly threats: readonly Phrase[];
}

/** Items a quadrant shows at most. */
export const SWOT_ITEMS = 4;
/** A scorecard metric this far (points) above or below the other teams' mean stands out. */
const METRIC_GAP = 10;
/** Key accounts renewing within this many rounds after the last are worth naming. */
const RENEWAL_HORIZON = 3;

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

function metricItems(group: GroupFigures, team: TeamFigures): { strengths: Phrase[]; weaknesses: Phrase[] } {
  const peers = peersOf(group, team);
  const rows = team.final.metrics.map((m) => {
    const others = peers.map((p) => p.final.metrics.find((x) => x.id === m.id)?.score ?? 0);
    return { id: m.id, score: m.score, peers: mean(others), gap: peers.length > 0 ? m.score - mean(others) : m.score - 60 };
  });
  const strong = rows.filter((r) => (peers.length > 0 ? r.gap >= METRIC_GAP : r.score >= 90)).sort((a, b) => b.gap - a.gap).slice(0, 2);
  const weak = rows.filter((r) => (peers.length > 0 ? r.gap <= -METRIC_GAP : r.score <= 40)).sort((a, b) => a.gap - b.gap).slice(0, 2);
  const say = (r: (typeof rows)[number], strongOrWeak: 'strong' | 'weak') =>
    peers.length > 0
      ? phrase(`report.swot.metric-${strongOrWeak}`, { metric: { metric: r.id }, score: r.score, peers: Math.round(r.peers) })
      : phrase(`report.swot.metric-${strongOrWeak}-alone`, { metric: { metric: r.id }, score: r.score });
  return { strengths: strong.map((r) => say(r, 'strong')), weaknesses: weak.map((r) => say(r, 'weak')) };
}

function strengths(group: GroupFigures, team: TeamFigures, metrics: readonly Phrase[]): Phrase[] {
  const out = [...metrics];
  const best = [...team.kpis].filter((k) => k.weeks > 0).sort((a, b) => b.green / b.weeks - a.green / a.weeks || b.attainment - a.attainment)[0];
  if (best && best.green * 2 >= best.weeks) out.push(phrase('report.swot.kpi-strong', { territory: { territory: best.territory }, green: best.green, weeks: best.weeks }));
  const gain = team.territories.map((t) => ({ t, d: (t.shareBp.at(-1) ?? 0) - (t.shareBp[0] ?? 0) })).sort((a, b) => b.d - a.d)[0];
  if (gain && gain.d >= 100) out.push(phrase('report.swot.share-gain', { territory: { territory: gain.t.id }, from: { bp: gain.t.shareBp[0]! }, to: { bp: gain.t.shareBp.at(-1)! } }));
  const won = team.accounts.filter((a) => a.effect === 'won' || a.effect === 'grown');
  if (won.length > 0) out.push(phrase('report.swot.accounts-won', { count: won.length, account: { account: won[0]!.account } }));
  return out.slice(0, SWOT_ITEMS);
}

function weaknesses(group: GroupFigures, team: TeamFigures, metrics: readonly Phrase[]): Phrase[] {
  const out = [...metrics];
  const worst = worstKpi(team);
  if (worst && (worst.red > 0 || worst.attainment < 0.95)) {
    out.push(phrase('report.swot.kpi-weak', { territory: { territory: worst.territory }, attainment: { ratio: worst.attainment }, red: worst.red, weeks: worst.weeks }));
  }
  const loss = team.territories.map((t) => ({ t, d: (t.shareBp.at(-1) ?? 0) - (t.shareBp[0] ?? 0) })).sort((a, b) => a.d - b.d)[0];
  if (loss && loss.d <= -100) out.push(phrase('report.swot.share-loss', { territory: { territory: loss.t.id }, from: { bp: loss.t.shareBp[0]! }, to: { bp: loss.t.shareBp.at(-1)! } }));
  const lost = team.accounts.filter((a) => a.effect === 'lost');
  if (lost.length > 0) out.push(phrase('report.swot.accounts-lost', { count: lost.length, account: { account: lost[0]!.account } }));
  const k = team.funnel.leakiest;
  const peers = peersOf(group, team);
  if (k > 0 && peers.length > 0) {
    const norm = mean(peers.map((p) => p.funnel.lossRates[k]!));
    if (team.funnel.lossRates[k]! > norm + 0.03) out.push(phrase('report.swot.funnel', { stage: { lossStage: k }, ours: { ratio: team.funnel.lossRates[k]! }, peers: { ratio: norm } }));
  }
  const leavers = team.leavers.reduce((s, l) => s + l.length, 0);
  if (leavers >= 2) out.push(phrase('report.swot.leavers', { leavers, morale: team.morale.at(-1) ?? 0 }));
  return out.slice(0, SWOT_ITEMS);
}

/** Overall share of each rival in our territories, first round and last. */
function rivalShares(group: GroupFigures, team: TeamFigures) {
  const outcomes = outcomesOf(group, team);
  const ids = team.territories.map((t) => t.id);
  return group.state.markets[team.market]!.firms
    .map((f, i) => ({ i, f, first: shareOver(outcomes[0]!, i, ids), last: shareOver(outcomes.at(-1)!, i, ids), active: outcomes.at(-1)!.firms[i]!.active, ever: outcomes.some((o) => o.firms[i]!.active) }))
    .filter((r) => r.i !== team.firm && r.ever);
}

function opportunities(group: GroupFigures, team: TeamFigures): Phrase[] {
  const out: Phrase[] = [];
  const market = group.state.markets[team.market]!;
  const lastRound = group.rounds.at(-1)!;
  const spec = (id: string) => group.scenario.territories.find((t) => t.id === id);
  const overall = team.shareBp.at(-1) ?? 0;
  const growing = team.territories
    .map((t) => ({ t, growth: spec(t.id)?.growthBp ?? 0, share: t.shareBp.at(-1) ?? 0 }))
    .filter((x) => x.growth > 0 && x.share < overall)
    .sort((a, b) => b.growth - a.growth)[0];
  if (growing) out.push(phrase('report.swot.growth', { territory: { territory: growing.t.id }, growth: { bp: growing.growth }, share: { bp: growing.share } }));
  const last = outcomesOf(group, team).at(-1)!;
  for (const s of last.signals.filter((x) => x.kind === 'policy-support')) out.push(phrase('report.swot.policy', { territory: { territory: s.territory }, round: s.round }));
  for (const s of market.shocks.filter((x) => x.kind === 'policy-support' && x.toRound > lastRound)) out.push(phrase('report.swot.policy-on', { territory: { territory: s.territory }, until: s.toRound }));
  const renewals = market.accounts
    .filter((a) => a.supplier !== team.firm && a.supplier >= 0 && a.contractEnd > lastRound && a.contractEnd <= lastRound + RENEWAL_HORIZON && team.territories.some((t) => t.id === a.territory))
    .sort((a, b) => a.contractEnd - b.contractEnd || b.volume - a.volume)
    .slice(0, 2);
  for (const a of renewals) out.push(phrase('report.swot.renewal', { account: { account: a.id }, rival: { firm: a.supplier, market: team.market }, round: a.contractEnd }));
  const rivals = rivalShares(group, team);
  const exited = rivals.find((r) => !r.active);
  if (exited) out.push(phrase('report.swot.rival-exit', { rival: { firm: exited.i, market: team.market } }));
  const slipping = rivals.filter((r) => r.active && r.first - r.last >= 100).sort((a, b) => a.last - a.first - (b.last - b.first))[0];
  if (slipping) out.push(phrase('report.swot.rival-slip', { rival: { firm: slipping.i, market: team.market }, points: { points: slipping.first - slipping.last } }));
  return out.slice(0, SWOT_ITEMS);
}

function threats(group: GroupFigures, team: TeamFigures): Phrase[] {
  const out: Phrase[] = [];
  const market = group.state.markets[team.market]!;
  const lastRound = group.rounds.at(-1)!;
  const rivals = rivalShares(group, team);
  const gainer = rivals.filter((r) => r.last - r.first >= 100).sort((a, b) => b.last - b.first - (a.last - a.first))[0];
  if (gainer) out.push(phrase('report.swot.rival-gain', { rival: { firm: gainer.i, market: team.market }, points: { points: gainer.last - gainer.first } }));
  const last = outcomesOf(group, team).at(-1)!;
  const ours = team.pricePm.at(-1) ?? [1000, 1000, 1000];
  // Only tiers where the rival and we both sell: a county firm's big-city price is no threat.
  const tiersShared = (firm: number) =>
    [...new Set(market.territories.filter((t) => team.territories.some((x) => x.id === t.id) && market.firms[firm]!.territories.includes(t.id)).map((t) => t.tier - 1))];
  const cheaper = rivals
    .filter((r) => r.active)
    .flatMap((r) => tiersShared(r.i).map((k) => ({ r, k, gap: ours[k]! - last.firms[r.i]!.pricePm[k]! })))
    .filter((x) => x.gap >= ours[x.k]! * 0.05)
    .sort((a, b) => b.gap - a.gap || a.k - b.k)[0];
  if (cheaper) {
    out.push(phrase('report.swot.rival-price', { rival: { firm: cheaper.r.i, market: team.market }, tier: { tier: cheaper.k + 1 }, theirs: { pm: last.firms[cheaper.r.i]!.pricePm[cheaper.k]! }, ours: { pm: ours[cheaper.k]! } }));
  }
  for (const s of last.signals.filter((x) => x.kind !== 'policy-support')) out.push(phrase(`signal.${s.kind}`, { round: s.round, territory: { territory: s.territory } }));
  for (const s of market.shocks.filter((x) => x.kind !== 'policy-support' && x.toRound > lastRound)) {
    out.push(phrase(`why.shock.${s.kind}`, { territory: { territory: s.territory }, until: s.toRound }));
  }
  const atRisk = market.accounts
    .filter((a) => a.supplier === team.firm && a.contractEnd > lastRound && a.contractEnd <= lastRound + RENEWAL_HORIZON && a.relationship < 60)
    .sort((a, b) => a.contractEnd - b.contractEnd || b.volume - a.volume)[0];
  if (atRisk) out.push(phrase('report.swot.account-risk', { account: { account: atRisk.id }, round: atRisk.contractEnd, relationship: atRisk.relationship }));
  const morale = team.morale.at(-1) ?? 100;
  if (morale < 60) out.push(phrase('report.swot.attrition', { morale }));
  const entrant = group.scenario.firms.map((f, i) => ({ f, i })).find(({ f }) => f.kind !== 'team' && f.entersRound > lastRound);
  if (entrant) out.push(phrase('report.swot.entrant', { rival: { firm: entrant.i, market: team.market }, round: entrant.f.entersRound }));
  return out.slice(0, SWOT_ITEMS);
}

export function swot(group: GroupFigures, team: TeamFigures): Swot {
  const metrics = metricItems(group, team);
  return {
    strengths: strengths(group, team, metrics.strengths),
    weaknesses: weaknesses(group, team, metrics.weaknesses),
    opportunities: opportunities(group, team),
    threats: threats(group, team),
  };
}
