import { scorecard } from '../engine/model/scorecard.ts';
import type { SessionState } from '../engine/session/state.ts';
import { renderTable, yuan } from './io/table.ts';

export interface Standing {
  readonly firm: string;
  readonly playedBy: string;
  readonly revenue: number;
  readonly profit: number;
  readonly shareBp: number;
  readonly csat: number;
  readonly morale: number;
  readonly leavers: number;
  readonly total: number;
}

/**
 * Standings, best first: in a shared market every active firm; in parallel mode each team in
 * its own copy of the market (their AI rivals differ by copy, so only teams are ranked).
 */
export function standings(state: SessionState): Standing[] {
  if (state.mode === 'parallel') {
    return state.teams
      .map((team, m) => {
        const firm = state.scenario!.firms.findIndex((f) => f.kind === 'team');
        const row = marketStandings(state, m).find((r) => r.firm === state.scenario!.firms[firm]!.id)!;
        return { ...row, firm: team.id, playedBy: team.bot ?? team.name };
      })
      .sort((a, b) => b.total - a.total || (a.firm < b.firm ? -1 : 1));
  }
  return marketStandings(state, 0);
}

function marketStandings(state: SessionState, m: number): Standing[] {
  const market = state.markets[m]!;
  const history = state.history.map((h) => h[m]!);
  const cards = scorecard(market, state.scenario!, history);
  const last = history.at(-1);
  return market.firms
    .map((f, fi) => {
      const team = state.teams.find((t) => t.firm === f.id);
      const present = market.territories.filter((t) => f.territories.includes(t.id)).map((t) => market.territories.indexOf(t));
      const share = last && present.length ? present.reduce((s, ti) => s + (last.territories[ti]!.shareBp[fi] ?? 0), 0) / present.length : 0;
      return {
        firm: f.id,
        playedBy: team ? (team.bot ?? team.name) : `AI ${f.kind}`,
        revenue: f.totals.revenue,
        profit: f.totals.profit,
        shareBp: Math.round(share),
        csat: last?.firms[fi]?.csat ?? 0,
        morale: f.kind === 'team' ? (last?.firms[fi]?.morale ?? 0) : 0,
        leavers: f.totals.leavers,
        total: cards[fi]!.total,
        active: f.active || f.totals.revenue > 0,
      };
    })
    .filter((s) => s.active)
    .map(({ active: _a, ...s }) => s)
    .sort((a, b) => b.total - a.total || (a.firm < b.firm ? -1 : 1));
}

export function standingsTable(rows: readonly Standing[]): string {
  return renderTable(
    ['#', 'firm', 'played by', 'revenue', 'profit', 'share', 'CSAT', 'morale', 'leavers', 'scorecard'],
    rows.map((s, i) => [
      String(i + 1),
      s.firm,
      s.playedBy,
      yuan(s.revenue),
      yuan(s.profit),
      `${(s.shareBp / 100).toFixed(1)}%`,
      String(s.csat),
      s.morale ? String(s.morale) : '-',
      String(s.leavers),
      s.total.toFixed(1),
    ]),
  );
}
