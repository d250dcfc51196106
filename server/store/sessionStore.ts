import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../../engine/core/canonicalJson.ts';
import { envelopeLine } from '../../engine/core/chain.ts';
import type { EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';

/** What the host keeps about a session besides its log; the seed stays here until the end. */
export interface SessionRow {
  readonly id: string;
  readonly joinCode: string;
  readonly seed: string;
  readonly header: LogHeader;
  readonly settings: SessionSettings;
  readonly timer: TimerState;
  readonly createdAt: string;
}

export interface SessionSettings {
  /** Seconds a round stays open; 0 = the facilitator closes it. */
  readonly roundSeconds: number;
  readonly locale: string;
}

/** The round clock: running towards `deadline` (epoch ms), or paused with `remainingMs` left. */
export type TimerState =
  | { readonly kind: 'off' }
  | { readonly kind: 'running'; readonly deadline: number }
  | { readonly kind: 'paused'; readonly remainingMs: number };

export type Role = 'facilitator' | 'team' | 'observer';

export interface TokenRow {
  /** A short public id (safe to log and to put in command ids); the token itself is never stored. */
  readonly id: string;
  readonly session: string;
  readonly role: Role;
  readonly team: string;
  readonly member: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  seed TEXT NOT NULL,
  header TEXT NOT NULL,
  settings TEXT NOT NULL,
  timer TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  session TEXT NOT NULL REFERENCES sessions(id),
  seq INTEGER NOT NULL,
  cmd TEXT NOT NULL,
  envelope TEXT NOT NULL,
  PRIMARY KEY (session, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  session TEXT NOT NULL REFERENCES sessions(id),
  role TEXT NOT NULL,
  team TEXT NOT NULL,
  member TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * The event store: one SQLite file in WAL mode. Every command's events go in one transaction,
 * committed (synchronous = FULL) before the command is acknowledged, so an acknowledged event
 * survives kill -9 and a power cut alike.
 */
export class SessionStore {
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly appendTx: (session: string, events: readonly EventEnvelope[], timer?: TimerState) => void;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    // One writer per session means one server per store: the first write takes a lock that a
    // second server on the same file cannot get (the OS drops it when the process dies).
    this.db.pragma('locking_mode = EXCLUSIVE');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 2000');
    this.db.exec(SCHEMA);
    this.insertEvent = this.db.prepare('INSERT INTO events (session, seq, cmd, envelope) VALUES (?, ?, ?, ?)');
    const updateTimer = this.db.prepare('UPDATE sessions SET timer = ? WHERE id = ?');
    this.appendTx = this.db.transaction((session: string, events: readonly EventEnvelope[], timer?: TimerState) => {
      for (const e of events) this.insertEvent.run(session, e.seq, e.cmd, envelopeLine(e));
      if (timer) updateTimer.run(JSON.stringify(timer), session);
    });
  }

  /** The session, its first tokens and its first events, all or nothing. */
  createSession(row: SessionRow, tokens: readonly (TokenRow & { hash: string })[], events: readonly EventEnvelope[]): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO sessions (id, join_code, seed, header, settings, timer, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(row.id, row.joinCode, row.seed, canonicalJson(row.header), JSON.stringify(row.settings), JSON.stringify(row.timer), row.createdAt);
      for (const t of tokens) this.addToken(t);
      this.appendTx(row.id, events);
    })();
  }

  addToken(t: TokenRow & { hash: string }): void {
    this.db.prepare('INSERT INTO tokens (hash, id, session, role, team, member) VALUES (?, ?, ?, ?, ?, ?)').run(t.hash, t.id, t.session, t.role, t.team, t.member);
  }

  /** Appends one command's events (and the round clock they set) atomically; throws and stores nothing if a seq is taken. */
  append(session: string, events: readonly EventEnvelope[], timer?: TimerState): void {
    if (events.length > 0) this.appendTx(session, events, timer);
  }

  session(id: string): SessionRow | undefined {
    const r = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as RawSession | undefined;
    return r && fromRaw(r);
  }

  sessionByCode(code: string): SessionRow | undefined {
    const r = this.db.prepare('SELECT * FROM sessions WHERE join_code = ?').get(code) as RawSession | undefined;
    return r && fromRaw(r);
  }

  /** Sessions whose round clock was running: they must be reopened at start for it to fire. */
  sessionsWithRunningClock(): string[] {
    const rows = this.db.prepare("SELECT id FROM sessions WHERE json_extract(timer, '$.kind') = 'running' ORDER BY created_at").all() as { id: string }[];
    return rows.map((r) => r.id);
  }

  events(session: string, afterSeq = 0): EventEnvelope[] {
    const rows = this.db.prepare('SELECT envelope FROM events WHERE session = ? AND seq > ? ORDER BY seq').all(session, afterSeq) as { envelope: string }[];
    return rows.map((r) => JSON.parse(r.envelope) as EventEnvelope);
  }

  token(hash: string): TokenRow | undefined {
    return this.db.prepare('SELECT id, session, role, team, member FROM tokens WHERE hash = ?').get(hash) as TokenRow | undefined;
  }

  setTimer(session: string, timer: TimerState): void {
    this.db.prepare('UPDATE sessions SET timer = ? WHERE id = ?').run(JSON.stringify(timer), session);
  }

  close(): void {
    this.db.close();
  }
}

interface RawSession {
  id: string;
  join_code: string;
  seed: string;
  header: string;
  settings: string;
  timer: string;
  created_at: string;
}

function fromRaw(r: RawSession): SessionRow {
  return {
    id: r.id,
    joinCode: r.join_code,
    seed: r.seed,
    header: JSON.parse(r.header) as LogHeader,
    settings: JSON.parse(r.settings) as SessionSettings,
    timer: JSON.parse(r.timer) as TimerState,
    createdAt: r.created_at,
  };
}
