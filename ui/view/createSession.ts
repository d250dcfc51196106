/**
 * The facilitator's "new workshop" form as data: what was typed, checked field by field, and
 * turned into the `create` message the server takes. Every problem names the field it belongs
 * to, so the form can say it next to that field.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { Params } from '../../engine/i18n/translate.ts';
import type { ClientMessage } from '../../engine/protocol/messages.ts';
import { builtInScenarios } from '../../scenarios/library.ts';
import { t } from '../i18n/t.ts';

/** Most teams in one session (the protocol's limit). */
export const MAX_TEAMS = 12;
export const MAX_NAME = 40;
export const MAX_SEED = 60;
/** Longest round clock, minutes (the protocol's four hours). */
export const MAX_ROUND_MINUTES = 240;

export type SessionMode = 'shared' | 'parallel';

export interface CreateDraft {
  readonly scenario: string;
  readonly seed: string;
  readonly mode: SessionMode;
  /** The names typed, one per team of people. */
  readonly teamNames: readonly string[];
  /** Shared mode: the slots nobody takes are played by AI teams. */
  readonly fillWithAi: boolean;
  readonly roundMinutes: string;
  readonly locale: Locale;
}

export interface CreateProblem {
  /** `scenario`, `seed`, `teams`, `team-<i>`, `minutes`. */
  readonly field: string;
  readonly key: string;
  readonly params: Params;
}

export type CreateMessage = Omit<Extract<ClientMessage, { type: 'create' }>, 'id'>;

export type CreateResult = { readonly ok: true; readonly message: CreateMessage } | { readonly ok: false; readonly problems: readonly CreateProblem[] };

/** Scenarios a workshop can run (the benchmark is for measuring, not for people). */
export function workshopScenarios(): readonly { readonly id: string; readonly title: Record<Locale, string>; readonly slots: number }[] {
  return builtInScenarios
    .filter((s) => s.id !== 'benchmark')
    .map((s) => ({ id: s.id, title: s.title, slots: teamSlots(s.data) }));
}

/** How many team firms a scenario file has: the teams a shared market takes. */
export function teamSlots(data: unknown): number {
  const firms = (data as { firms?: unknown } | null)?.firms;
  return Array.isArray(firms) ? firms.filter((f) => (f as { kind?: unknown } | null)?.kind === 'team').length : 0;
}

/** Most teams of people the mode allows for a scenario with `slots` team firms. */
export function maxTeams(mode: SessionMode, slots: number): number {
  return mode === 'shared' ? Math.min(slots, MAX_TEAMS) : MAX_TEAMS;
}

/** The name of the n-th AI team in the session's language ("AI 1", "电脑 1"). */
export function aiTeamName(locale: Locale, n: number): string {
  return t(locale, 'workshop.ai-team', { n });
}

export function validateCreate(draft: CreateDraft): CreateResult {
  const problems: CreateProblem[] = [];
  const problem = (field: string, key: string, params: Params = {}) => problems.push({ field, key, params });
  const scenario = workshopScenarios().find((s) => s.id === draft.scenario);
  if (!scenario) problem('scenario', 'workshop.create.scenario-unknown', { value: draft.scenario });
  const seed = draft.seed.trim();
  if (seed.length > MAX_SEED) problem('seed', 'workshop.create.seed-long', { max: MAX_SEED });
  const slots = scenario?.slots ?? MAX_TEAMS;
  const most = maxTeams(draft.mode, slots);
  const names = draft.teamNames.map((n) => n.trim());
  if (names.length < 1 || names.length > most) problem('teams', 'workshop.create.team-count', { min: 1, max: most });
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (name === '') problem(`team-${i}`, 'workshop.create.team-name-empty');
    else if (name.length > MAX_NAME) problem(`team-${i}`, 'workshop.create.team-name-long', { max: MAX_NAME });
    else if (seen.has(name)) problem(`team-${i}`, 'workshop.create.team-name-twice', { name });
    seen.add(name);
  });
  const minutesText = draft.roundMinutes.trim().replace(',', '.');
  const minutes = minutesText === '' ? 0 : Number(minutesText);
  if (!Number.isFinite(minutes) || !/^\d*\.?\d*$/.test(minutesText)) problem('minutes', 'workshop.create.minutes-nan', { value: draft.roundMinutes });
  else if (minutes > MAX_ROUND_MINUTES) problem('minutes', 'workshop.create.minutes-range', { max: MAX_ROUND_MINUTES });
  if (problems.length > 0) return { ok: false, problems };

  const teams: { name: string; bot?: string }[] = names.map((name) => ({ name }));
  if (draft.mode === 'shared' && draft.fillWithAi) {
    for (let n = 1; teams.length < slots; n++) {
      const name = aiTeamName(draft.locale, n);
      if (!seen.has(name)) teams.push({ name, bot: 'balanced' });
    }
  }
  return {
    ok: true,
    message: {
      type: 'create',
      scenario: draft.scenario,
      ...(seed ? { seed } : {}),
      mode: draft.mode,
      teams,
      roundSeconds: Math.round(minutes * 60),
      locale: draft.locale,
    },
  };
}

/** The default names of `count` teams, in the page's language ("Team 1", "第 1 组"). */
export function defaultTeamNames(locale: Locale, count: number): string[] {
  return Array.from({ length: count }, (_, i) => t(locale, 'workshop.team-n', { n: i + 1 }));
}
