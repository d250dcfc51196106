/**
 * The workshop tokens this browser holds, in localStorage: the facilitator's (so the console can
 * be reopened) and a team member's (so a reload keeps the seat). A blocked or full storage only
 * means the link has to be kept by hand; nothing fails.
 */
const FACILITATED = 'shapan.workshop.facilitated';
const teamKey = (session: string) => `shapan.workshop.team.${session}`;

export interface FacilitatedSession {
  readonly session: string;
  readonly token: string;
  readonly observerToken: string;
  readonly joinCode: string;
  readonly title: string;
  readonly createdAt: string;
}

export interface TeamSeat {
  readonly token: string;
  readonly team: string;
  readonly member: string;
}

function read<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the page still works, the link must be kept by hand.
  }
}

/** Sessions this browser created, newest first (at most ten). */
export function facilitatedSessions(): FacilitatedSession[] {
  const list = read<FacilitatedSession[]>(FACILITATED);
  return Array.isArray(list) ? list.filter((s) => s && typeof s.session === 'string' && typeof s.token === 'string') : [];
}

export function rememberFacilitated(entry: FacilitatedSession): void {
  write(FACILITATED, [entry, ...facilitatedSessions().filter((s) => s.session !== entry.session)].slice(0, 10));
}

export function teamSeat(session: string): TeamSeat | null {
  const seat = read<TeamSeat>(teamKey(session));
  return seat && typeof seat.token === 'string' && typeof seat.team === 'string' ? seat : null;
}

export function rememberTeamSeat(session: string, seat: TeamSeat): void {
  write(teamKey(session), seat);
}

export function forgetTeamSeat(session: string): void {
  try {
    localStorage.removeItem(teamKey(session));
  } catch {
    // nothing to forget
  }
}
