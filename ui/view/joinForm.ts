/**
 * The "join a workshop" form as data: the code read off the projector, the member's name and,
 * if the facilitator assigned one, a team number; checked field by field before anything is
 * sent, and the server's refusals mapped back to the field they are about.
 */
import type { Params } from '../../engine/i18n/translate.ts';

/** The letters and digits a join code uses: none that look alike on a projector (no O/0, I/1/L). */
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

export interface JoinDraft {
  readonly code: string;
  readonly name: string;
  /** A team number ("2"), or empty for "wherever there is room". */
  readonly team: string;
}

export interface JoinProblem {
  /** `code`, `name` or `team`. */
  readonly field: string;
  readonly key: string;
  readonly params: Params;
}

export type JoinRequest = { readonly code: string; readonly name: string; readonly team?: string };

/** What people type: lower case, spaces, a hyphen in the middle. */
export function normaliseCode(input: string): string {
  return input.trim().toUpperCase().replace(/[\s-]/g, '');
}

export function validateJoin(draft: JoinDraft): { ok: true; request: JoinRequest } | { ok: false; problems: readonly JoinProblem[] } {
  const problems: JoinProblem[] = [];
  const code = normaliseCode(draft.code);
  if (code === '') problems.push({ field: 'code', key: 'workshop.join.code-empty', params: {} });
  else if (!CODE.test(code)) problems.push({ field: 'code', key: 'workshop.join.code-shape', params: { value: draft.code.trim() } });
  const name = draft.name.trim();
  if (name === '') problems.push({ field: 'name', key: 'workshop.join.name-empty', params: {} });
  else if (name.length > 40) problems.push({ field: 'name', key: 'workshop.join.name-long', params: { max: 40 } });
  const team = draft.team.trim();
  if (team !== '' && !/^(?:[1-9]|1[0-2])$/.test(team)) problems.push({ field: 'team', key: 'workshop.join.team-number', params: { value: team } });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, request: { code, name, ...(team ? { team: `team-${team}` } : {}) } };
}

/** Which field a server refusal of `join` is about (its `path`, else what its code names). */
export function joinFieldOf(path: string | undefined, code: string): string {
  if (path === 'code' || path === 'team' || path === 'name') return path;
  if (code === 'server.bad-code') return 'code';
  if (code === 'server.team-full' || code === 'session.unknown-team') return 'team';
  if (code === 'session.member-name') return 'name';
  return '';
}
