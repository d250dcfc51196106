import { randomBytes } from 'node:crypto';
import { Aggregate } from '../../engine/core/aggregate.ts';
import type { Rejection } from '../../engine/core/decider.ts';
import { createHeader } from '../../engine/core/header.ts';
import { ENGINE_VERSION } from '../../engine/core/version.ts';
import type { SessionCommand, TeamSpec } from '../../engine/session/commands.ts';
import { sessionDecider } from '../../engine/session/decider.ts';
import { loadBuiltIn } from '../../scenarios/library.ts';
import type { ClientMessage } from '../../engine/protocol/messages.ts';
import { newJoinCode, newToken, normaliseJoinCode, publicId, tokenHash } from '../security/tokens.ts';
import type { Role, SessionStore, TokenRow } from '../store/sessionStore.ts';
import { LiveSession } from './liveSession.ts';

export type Created = { readonly ok: true; readonly session: string; readonly joinCode: string; readonly facilitatorToken: string; readonly observerToken: string };
export type Joined = { readonly ok: true; readonly session: string; readonly team: string; readonly token: string };
type Refused = { readonly ok: false; readonly rejection: Rejection };

function refused(code: string, params?: Record<string, string | number>, path?: string): Refused {
  return { ok: false, rejection: { kind: 'rejected', code, ...(params ? { params } : {}), ...(path ? { path } : {}) } };
}

/** The sessions this server hosts: created here, or reopened from the store on first use after a restart. */
export class SessionRegistry {
  private readonly live = new Map<string, LiveSession>();

  constructor(
    private readonly store: SessionStore,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): LiveSession | undefined {
    let s = this.live.get(id);
    if (s) return s;
    const row = this.store.session(id);
    if (!row) return undefined;
    s = new LiveSession(this.store, row, this.now);
    this.live.set(id, s);
    return s;
  }

  /**
   * Reopens the stored sessions whose round clock was running, so it keeps running; every other
   * session is reopened (its log replayed) when someone first connects to it.
   */
  resumeClocks(): number {
    const ids = this.store.sessionsWithRunningClock();
    for (const id of ids) this.get(id);
    return ids.length;
  }

  authenticate(token: string): (TokenRow & { session: string }) | undefined {
    return this.store.token(tokenHash(token));
  }

  create(m: Extract<ClientMessage, { type: 'create' }>): Created | Refused {
    const loaded = loadBuiltIn(m.scenario);
    if (!loaded.ok) return refused('server.unknown-scenario', { value: m.scenario }, 'scenario');
    const scenario = loaded.scenario;
    const slots = scenario.firms.filter((f) => f.kind === 'team').map((f) => f.id);
    const teams: TeamSpec[] = m.teams.map((t, i) => ({
      id: `team-${i + 1}`,
      name: t.name,
      firm: m.mode === 'shared' ? (slots[i] ?? `slot-${i + 1}`) : slots[0]!,
      ...(t.bot ? { bot: t.bot } : {}),
    }));
    const seed = m.seed ?? randomBytes(8).toString('hex');
    const createdAt = new Date(this.now()).toISOString();
    const header = createHeader({ engineVersion: ENGINE_VERSION, scenario: { id: scenario.id, hash: loaded.hash }, seed, createdAt, hideSeed: true });
    // Decided on a scratch aggregate first: a refused session leaves nothing behind.
    const scratch = Aggregate.create(sessionDecider(seed), header);
    const command: SessionCommand = { type: 'CreateSession', scenario, scenarioHash: loaded.hash, mode: m.mode, teams };
    const result = scratch.handle({ id: 'create', actor: { kind: 'facilitator', id: 'facilitator' }, ts: createdAt, command });
    if (result.kind === 'rejected') return { ok: false, rejection: result.rejection };
    if (result.kind !== 'accepted') return refused('server.internal');
    const id = randomBytes(8).toString('hex');
    let joinCode = newJoinCode();
    while (this.store.sessionByCode(joinCode)) joinCode = newJoinCode();
    const facilitatorToken = newToken();
    const observerToken = newToken();
    const token = (t: string, role: Role) => ({ hash: tokenHash(t), id: publicId(), session: id, role, team: '', member: '' });
    this.store.createSession(
      { id, joinCode, seed, header, settings: { roundSeconds: m.roundSeconds, locale: m.locale }, timer: { kind: 'off' }, createdAt },
      [token(facilitatorToken, 'facilitator'), token(observerToken, 'observer')],
      result.events,
    );
    this.get(id);
    return { ok: true, session: id, joinCode, facilitatorToken, observerToken };
  }

  join(m: Extract<ClientMessage, { type: 'join' }>): Joined | Refused {
    const code = normaliseJoinCode(m.code);
    const row = this.store.sessionByCode(code);
    if (!row) return refused('server.bad-code', { value: code }, 'code');
    const session = this.get(row.id)!;
    const people = session.state.teams.filter((t) => !t.bot);
    let team = m.team === undefined || m.team === '' ? undefined : session.state.teams.find((t) => t.id === m.team);
    if (m.team && !team) return refused('session.unknown-team', { value: m.team }, 'team');
    if (team?.bot) return refused('server.team-full', { value: team.name }, 'team');
    // Unassigned members go where they are fewest, so a room fills its teams evenly.
    team ??= [...people].sort((a, b) => a.members.length - b.members.length)[0];
    if (!team) return refused('session.unknown-team', { value: '' }, 'team');
    const tokenId = publicId();
    const result = session.handle({ kind: 'team', id: team.id }, `join:${tokenId}`, { type: 'JoinTeam', team: team.id, member: m.name });
    if (result.kind === 'refused') return { ok: false, rejection: result.rejection };
    // A member is told they joined only once the event that says so is stored.
    if (!session.settle()) return refused('server.store-failed');
    const token = newToken();
    this.store.addToken({ hash: tokenHash(token), id: tokenId, session: row.id, role: 'team', team: team.id, member: m.name });
    return { ok: true, session: row.id, team: team.id, token };
  }

  stop(): void {
    for (const s of this.live.values()) s.stop();
  }
}
