import type { Locale } from '../../engine/i18n/locale.ts';
import { scorecard } from '../../engine/model/scorecard.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { t } from '../i18n/t.ts';
import { formatMoney } from './format.ts';
import { teamContext } from './session.ts';

/** The scorecard's four perspectives and the metrics each holds (MODEL.md section 4). */
const PERSPECTIVES: readonly (readonly [string, readonly string[]])[] = [
  ['financial', ['revenue', 'profit', 'terminal']],
  ['customer', ['share', 'csatRetention']],
  ['process', ['kpiScore', 'negotiation']],
  ['learning', ['morale', 'repRetention', 'skillGain']],
];

export interface EndView {
  readonly title: string;
  readonly total: number;
  readonly rank: number;
  readonly firms: number;
  readonly perspectives: readonly {
    readonly name: string;
    readonly metrics: readonly { readonly name: string; readonly score: number; readonly weight: number }[];
  }[];
  readonly standings: readonly { readonly name: string; readonly total: number; readonly ours: boolean; readonly revenue: string }[];
  readonly ended: boolean;
  /** Rounds resolved, and the scenario's length: a facilitator may end a workshop early. */
  readonly played: number;
  readonly rounds: number;
}

/** The balanced scorecard after the rounds played, ours against every firm still in the market. */
export function endView(state: SessionState, locale: Locale, teamId?: string): EndView {
  const { scenario, market, firm, marketIndex, team } = teamContext(state, teamId);
  const history = state.history.map((h) => h[marketIndex]!);
  const scores = scorecard(market, scenario, history);
  const ours = scores[firm]!;
  const standings = scores
    .map((s, fi) => ({ s, fi }))
    .filter(({ fi }) => market.firms[fi]!.active || market.firms[fi]!.totals.revenue > 0)
    .map(({ s, fi }) => ({ name: fi === firm ? team.name : scenario.firms[fi]!.name[locale], total: s.total, ours: fi === firm, revenue: formatMoney(locale, market.firms[fi]!.totals.revenue) }))
    .sort((a, b) => b.total - a.total);
  return {
    title: scenario.title[locale],
    total: ours.total,
    rank: standings.findIndex((s) => s.ours) + 1,
    firms: standings.length,
    perspectives: PERSPECTIVES.map(([name, ids]) => ({
      name: t(locale, `perspective.${name}`),
      metrics: ids.map((id) => {
        const m = ours.metrics.find((x) => x.id === id)!;
        return { name: t(locale, `metric.${id}`), score: m.score, weight: m.weight };
      }),
    })),
    standings,
    ended: state.status === 'ended',
    played: history.length,
    rounds: scenario.rounds,
  };
}
