/**
 * What the workshop's pages show about a live session, read from the state and the events a
 * viewer holds: where the session is, who is in which team and who has submitted this round,
 * the leaderboard on the balanced scorecard, and the round clock as it counts down.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { TimerView } from '../../engine/protocol/messages.ts';
import { scorecard } from '../../engine/model/scorecard.ts';
import { isSealed, type ViewEnvelope } from '../../engine/session/playerView.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { firmIndexOf, teamsInMarket } from '../../engine/session/teams.ts';
import { formatMoney } from './format.ts';
import { namedScenario } from './session.ts';

/** `lobby`: created, round 1 not open yet; `open`: a round takes decisions; `between`: results are in, the next round is not open; `ended`. */
export type WorkshopPhase = 'lobby' | 'open' | 'between' | 'ended';

export function workshopPhase(state: SessionState): WorkshopPhase {
  if (state.status === 'ended') return 'ended';
  if (state.status === 'open') return 'open';
  return state.round === 0 ? 'lobby' : 'between';
}

export interface Submission {
  readonly team: string;
  /** Who of the team submitted; '' when this viewer may not see it (another team's sealed event). */
  readonly member: string;
  readonly seq: number;
  readonly ts: string;
}

/**
 * The last submission of each team in the open round, from the DecisionsSubmitted events after
 * the last RoundOpened (sealed ones count too: everyone may see *that* a team submitted).
 */
export function submissionsThisRound(state: SessionState, events: readonly ViewEnvelope[]): ReadonlyMap<string, Submission> {
  const out = new Map<string, Submission>();
  if (state.status !== 'open') return out;
  let start = events.length;
  while (start > 0 && events[start - 1]!.type !== 'RoundOpened') start--;
  for (const e of events.slice(start)) {
    if (e.type !== 'DecisionsSubmitted' || e.actor.kind !== 'team') continue;
    const payload = isSealed(e) ? null : (e.payload as { team?: string; member?: string });
    const team = payload?.team ?? e.actor.id;
    out.set(team, { team, member: payload?.member ?? '', seq: e.seq, ts: e.ts });
  }
  return out;
}

export interface RosterRow {
  readonly id: string;
  readonly name: string;
  /** Played by a bot: it needs no people and never submits. */
  readonly ai: boolean;
  readonly members: readonly string[];
  /** Submitted in the open round (false between rounds). */
  readonly submitted: boolean;
  /** Who submitted, when this viewer may know. */
  readonly by: string;
}

export interface Roster {
  readonly rows: readonly RosterRow[];
  /** Teams of people with at least one member: the ones the round waits for. */
  readonly waitingFor: number;
  readonly submitted: number;
}

export function rosterView(state: SessionState, events: readonly ViewEnvelope[]): Roster {
  const subs = submissionsThisRound(state, events);
  const rows = state.teams.map((team) => {
    const sub = subs.get(team.id);
    const pending = state.pending.find((p) => p.team === team.id);
    return {
      id: team.id,
      name: team.name,
      ai: !!team.bot,
      members: team.members,
      submitted: !team.bot && (!!sub || (state.status === 'open' && !!pending)),
      by: sub?.member || pending?.by || '',
    };
  });
  const counted = rows.filter((r) => !r.ai && r.members.length > 0);
  return { rows, waitingFor: counted.length, submitted: counted.filter((r) => r.submitted).length };
}

export interface LeaderboardRow {
  readonly rank: number;
  readonly name: string;
  /** `team`: people; `ai-team`: a team slot a bot plays; `rival`: one of the scenario's own firms. */
  readonly kind: 'team' | 'ai-team' | 'rival';
  readonly total: number;
  readonly revenue: string;
  readonly profit: string;
}

export interface Leaderboard {
  /** Rounds resolved so far (0: no standings yet). */
  readonly rounds: number;
  readonly rows: readonly LeaderboardRow[];
}

/**
 * Standings on the balanced scorecard after the rounds played. Shared mode: every firm in the one
 * market (teams, AI teams, the scenario's rivals). Parallel mode: each team's firm in its own
 * copy of the market, so the teams are compared on the same seeded market.
 */
export function leaderboardView(state: SessionState, locale: Locale): Leaderboard {
  const rounds = state.history.length;
  if (!state.scenario || rounds === 0) return { rounds, rows: [] };
  const entries: Omit<LeaderboardRow, 'rank'>[] = [];
  const markets = state.mode === 'shared' ? [0] : state.teams.map((_, i) => i);
  for (const m of markets) {
    const market = state.markets[m]!;
    const scenario = namedScenario(state, m);
    const scores = scorecard(market, scenario, state.history.map((h) => h[m]!));
    const teams = teamsInMarket(state, m);
    const teamOf = new Map(teams.map((t) => [firmIndexOf(state, t), t]));
    market.firms.forEach((f, fi) => {
      const team = teamOf.get(fi);
      if (state.mode === 'parallel' && !team) return;
      if (!team && !(f.active || f.totals.revenue > 0)) return;
      entries.push({
        name: scenario.firms[fi]!.name[locale],
        kind: team ? (team.bot ? 'ai-team' : 'team') : 'rival',
        total: scores[fi]!.total,
        revenue: formatMoney(locale, f.totals.revenue),
        profit: formatMoney(locale, f.totals.profit),
      });
    });
  }
  entries.sort((a, b) => b.total - a.total);
  // Equal totals share a place: 1, 2, 2, 4.
  const rows = entries.map((e) => ({ ...e, rank: entries.findIndex((x) => x.total === e.total) + 1 }));
  return { rounds, rows };
}

/** Time left on the clock now, given the timer as last received and the ms since it came. */
export function remainingMs(timer: TimerView, elapsedMs: number): number | null {
  if (timer.kind === 'off') return null;
  return timer.kind === 'paused' ? timer.remainingMs : Math.max(0, timer.remainingMs - elapsedMs);
}

/** 125 000 ms → "2:05"; an hour or more → "1:02:05". Rounded up, so "0:00" means time is up. */
export function clockText(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
