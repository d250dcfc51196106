import { describeExplanation } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import type { Explanation, KpiLight, RoundOutcome } from '../../engine/model/outcome.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { t } from '../i18n/t.ts';
import { splitParams } from './accountSplit.ts';
import { accountName } from './accountNames.ts';
import { formatBp, formatCount, formatMoney, formatPm, formatPointsChange, signed } from './format.ts';
import { repName } from './repNames.ts';
import { teamContext, type TeamContext } from './session.ts';

export const FUNNEL_STAGES = ['leads', 'qualified', 'proposals', 'negotiations', 'won'] as const;

export interface ResultsView {
  readonly round: number;
  readonly rounds: number;
  readonly headline: readonly { readonly label: string; readonly value: string; readonly delta: string; readonly tone: 'up' | 'down' | 'flat' }[];
  readonly pnl: readonly { readonly label: string; readonly value: string; readonly total: boolean }[];
  readonly funnel: readonly { readonly stage: string; readonly count: string; readonly lost: string; readonly lossPct: string; readonly leakiest: boolean }[];
  readonly kpis: readonly {
    readonly territory: string;
    readonly target: string;
    readonly baseline: string;
    readonly band: string;
    readonly revenue: string;
    readonly lights: readonly KpiLight[];
    readonly score: number;
  }[];
  readonly team: {
    readonly morale: number;
    readonly moraleDelta: string;
    readonly conflict: number;
    readonly reps: number;
    readonly leavers: readonly string[];
    readonly hires: number;
    readonly vacancies: number;
  };
  readonly territories: readonly { readonly name: string; readonly share: string; readonly delta: string; readonly tone: 'up' | 'down' | 'flat' }[];
  readonly competitors: readonly { readonly name: string; readonly moves: readonly string[] }[];
  readonly accounts: readonly string[];
  readonly why: readonly string[];
  readonly signals: readonly string[];
}

const tone = (d: number): 'up' | 'down' | 'flat' => (d > 0 ? 'up' : d < 0 ? 'down' : 'flat');

/** Names instead of ids in a "why" item's figures. */
function explain(item: Explanation, ctx: TeamContext, locale: Locale): string {
  const params: Record<string, string | number> = { ...item.params };
  const territory = ctx.scenario.territories.find((x) => x.id === params.territory);
  if (territory) params.territory = territory.name[locale];
  else if (params.territory === '') params.territory = t(locale, 'results.whole-region');
  if (typeof params.account === 'string') params.account = accountName(ctx.scenario, params.account, locale);
  const to = ctx.scenario.firms.find((x) => x.id === params.to);
  if (to) params.to = to.name[locale];
  return describeExplanation({ ...item, params }, locale);
}

/** The share a firm holds in the units sold across the territories it sells in, bp. */
function overallShare(outcome: RoundOutcome, firm: number): number {
  let units = 0;
  let ours = 0;
  for (const t of outcome.territories) {
    units += t.units;
    ours += (t.units * (t.shareBp[firm] ?? 0)) / 10_000;
  }
  return units > 0 ? Math.round((ours / units) * 10_000) : 0;
}

/** What the results screen shows for round `round` (default: the last one resolved). */
export function resultsView(state: SessionState, locale: Locale, round = state.history.length, teamId?: string): ResultsView | null {
  const ctx = teamContext(state, teamId);
  const { scenario, marketIndex, firm, market } = ctx;
  const outcome = state.history[round - 1]?.[marketIndex];
  if (!outcome) return null;
  const previous = state.history[round - 2]?.[marketIndex] ?? null;
  const us = outcome.firms[firm]!;
  const before = previous?.firms[firm];
  const money = (y: number) => formatMoney(locale, y);
  const share = overallShare(outcome, firm);
  const shareBefore = previous ? overallShare(previous, firm) : null;

  const p = us.pnl;
  const costs: [string, number][] = [
    ['cogs', p.cogs], ['salaries', p.salaries], ['overhead', p.overhead], ['travel', p.travel], ['promotion', p.promotion],
    ['channel', p.channel], ['automation', p.automation], ['incentives', p.incentives], ['training', p.training], ['tools', p.tools],
    ['mediation', p.mediation], ['expedite', p.expedite], ['hiring', p.hiring], ['costToServe', p.costToServe], ['commission', p.commission],
  ];

  const f = us.funnel;
  const counts = [f.leads, f.qualified, f.proposals, f.negotiations, f.won];
  const lossRates = f.lostAt.map((lost, i) => (counts[i]! > 0 ? lost / counts[i]! : 0));
  const leakiest = lossRates.indexOf(Math.max(...lossRates));

  const territoryName = (id: string) => scenario.territories.find((x) => x.id === id)?.name[locale] ?? id;
  const played = state.played.find((x) => x.team === ctx.team.id)?.decisions;

  const competitors = scenario.firms
    .map((spec, fi) => ({ spec, fi }))
    .filter(({ spec, fi }) => fi !== firm && spec.kind !== 'team' && (outcome.firms[fi]!.active || previous?.firms[fi]?.active))
    .map(({ spec, fi }) => {
      const now = outcome.firms[fi]!;
      const was = previous?.firms[fi];
      const moves: string[] = [];
      if (now.active && was && !was.active) moves.push(t(locale, 'results.entered'));
      if (!now.active && was?.active) moves.push(t(locale, 'results.exited'));
      const priceBefore = was?.pricePm ?? [spec.pricePm, spec.pricePm, spec.pricePm];
      now.pricePm.forEach((pm, k) => {
        if (pm !== priceBefore[k]) moves.push(t(locale, 'results.price-move', { tier: t(locale, `tier.${k + 1}`), from: formatPm(locale, priceBefore[k]!), to: formatPm(locale, pm) }));
      });
      const s = overallShare(outcome, fi);
      const sb = previous ? overallShare(previous, fi) : null;
      moves.push(t(locale, 'results.rival-share', { share: formatBp(locale, s), delta: sb === null ? '' : signed(formatBp(locale, Math.abs(s - sb)), s - sb) }));
      return { name: spec.name[locale], moves };
    });

  const accounts = outcome.accounts
    .filter((a) => a.event !== '' && (a.supplier === firm || a.previousSupplier === firm || market.firms[firm]!.territories.includes(scenario.keyAccounts.find((k) => k.id === a.id)?.territory ?? '')))
    .map((a) => {
      const name = accountName(scenario, a.id, locale);
      const to = a.supplier >= 0 ? scenario.firms[a.supplier]!.name[locale] : '—';
      const from = a.previousSupplier >= 0 ? scenario.firms[a.previousSupplier]!.name[locale] : '—';
      return t(locale, `account-event.${a.event}`, { account: name, to, from, ...splitParams(locale, a.split, (i) => scenario.firms[i]!.name[locale]) });
    });

  return {
    round,
    rounds: scenario.rounds,
    headline: [
      { label: t(locale, 'results.revenue'), value: money(p.revenue), delta: before ? signed(money(Math.abs(p.revenue - before.pnl.revenue)), p.revenue - before.pnl.revenue) : '', tone: tone(before ? p.revenue - before.pnl.revenue : 0) },
      { label: t(locale, 'results.profit'), value: money(p.profit), delta: before ? signed(money(Math.abs(p.profit - before.pnl.profit)), p.profit - before.pnl.profit) : '', tone: tone(before ? p.profit - before.pnl.profit : 0) },
      { label: t(locale, 'results.share'), value: formatBp(locale, share), delta: shareBefore === null ? '' : formatPointsChange(locale, (share - shareBefore) / 100), tone: tone(shareBefore === null ? 0 : share - shareBefore) },
      { label: t(locale, 'results.customers'), value: formatCount(locale, us.customers), delta: signed(formatCount(locale, Math.abs(us.wonCustomers - us.lostCustomers)), us.wonCustomers - us.lostCustomers), tone: tone(us.wonCustomers - us.lostCustomers) },
      { label: t(locale, 'results.csat'), value: String(us.csat), delta: before ? signed(String(Math.abs(us.csat - before.csat)), us.csat - before.csat) : '', tone: tone(before ? us.csat - before.csat : 0) },
    ],
    pnl: [
      { label: t(locale, 'pnl.revenue'), value: money(p.revenue), total: false },
      ...costs.filter(([, v]) => v !== 0).map(([k, v]) => ({ label: t(locale, `pnl.${k}`), value: money(-v), total: false })),
      { label: t(locale, 'pnl.profit'), value: money(p.profit), total: true },
    ],
    funnel: FUNNEL_STAGES.map((stage, i) => ({
      stage: t(locale, `funnel.${stage}`),
      count: formatCount(locale, counts[i]!),
      lost: i < 4 ? formatCount(locale, f.lostAt[i]!) : '',
      lossPct: i < 4 ? `${Math.round(lossRates[i]! * 100)}%` : '',
      leakiest: i === leakiest && lossRates[i]! > 0,
    })),
    kpis: us.kpis.map((k) => ({
      territory: territoryName(k.territory),
      target: money(k.target),
      baseline: money(k.baseline),
      band: `${money(k.lower)} – ${money(k.upper)}`,
      revenue: money(k.revenue),
      lights: k.lights,
      score: k.score,
    })),
    team: {
      morale: us.morale,
      moraleDelta: before ? signed(String(Math.abs(us.morale - before.morale)), us.morale - before.morale) : '',
      conflict: us.conflict,
      reps: us.reps,
      leavers: us.leavers.map((id) => repName(id, locale)),
      hires: us.hires,
      vacancies: market.firms[firm]!.vacancies.length,
    },
    territories: outcome.territories
      .filter((x) => market.firms[firm]!.territories.includes(x.id))
      .map((x, i) => {
        const now = x.shareBp[firm] ?? 0;
        const was = previous?.territories.find((y) => y.id === x.id)?.shareBp[firm] ?? market.territories[i]?.shareHistory[0]?.[firm] ?? now;
        return { name: territoryName(x.id), share: formatBp(locale, now), delta: formatPointsChange(locale, (now - was) / 100), tone: tone(now - was) };
      }),
    competitors,
    accounts,
    why: outcome.explanations.filter((e) => e.firm === firm || e.firm === -1).slice(0, 6).map((e) => explain(e, ctx, locale)),
    signals: outcome.signals
      .filter((s) => s.public || played?.marketIntelligence)
      .map((s) => t(locale, `signal.${s.kind}`, { round: s.round, territory: s.territory ? territoryName(s.territory) : t(locale, 'results.whole-region') })),
  };
}
