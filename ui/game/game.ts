/**
 * The page's solo game: the engine (in its worker), the log as it grows, and its copy in the
 * browser's storage. Screens read `snapshot` and call `send`; nothing else changes the game.
 */
import type { Rejection } from '../../engine/core/decider.ts';
import type { DomainEvent, EventEnvelope } from '../../engine/core/envelope.ts';
import type { LogHeader } from '../../engine/core/header.ts';
import { logLines } from '../../engine/core/jsonl.ts';
import type { LogProblem } from '../../engine/core/verify.ts';
import type { SessionCommand } from '../../engine/session/commands.ts';
import type { SessionState } from '../../engine/session/state.ts';
import type { Difficulty } from './difficulty.ts';
import { EngineClient } from './engineClient.ts';
import type { EngineReply, EngineSnapshot, ImportProgress } from './protocol.ts';
import type { LogHead, NewSoloSession } from './soloSession.ts';
import { saveSession, type SavedSession } from './storage.ts';

export type GameFailure =
  | { readonly kind: 'rejected'; readonly rejection: Rejection }
  | { readonly kind: 'log'; readonly problem: LogProblem }
  | { readonly kind: 'not-solo' }
  | { readonly kind: 'error'; readonly message: string };

export type GameResult = { readonly ok: true } | { readonly ok: false; readonly failure: GameFailure };

export interface GameView {
  readonly id: string;
  /** The team whose view this is (a workshop team page); the solo trainee's team when absent. */
  readonly team?: string;
  readonly difficulty: Difficulty;
  readonly header: LogHeader;
  readonly state: SessionState;
  readonly head: LogHead;
  /** The state before the last round was resolved: what the results screen animates from. */
  readonly before: SessionState | null;
}

const now = () => new Date().toISOString();

function failureOf(reply: Exclude<EngineReply, { ok: true }>): GameFailure {
  if ('rejection' in reply) return { kind: 'rejected', rejection: reply.rejection };
  if ('problem' in reply) return { kind: 'log', problem: reply.problem };
  if ('notSolo' in reply) return { kind: 'not-solo' };
  return { kind: 'error', message: reply.error };
}

export class Game {
  private engine = new EngineClient();
  private events: EventEnvelope<DomainEvent>[] = [];
  private current: GameView | null = null;
  private readonly listeners = new Set<(view: GameView) => void>();
  /** A save that failed (storage full or blocked): the game goes on, the page says so. */
  saveError: string | null = null;

  get view(): GameView | null {
    return this.current;
  }

  onChange(listener: (view: GameView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(options: Omit<NewSoloSession, 'now'>): Promise<GameResult> {
    const reply = await this.engine.request({ op: 'create', options: { ...options, now: now() } });
    return this.adopt(reply, `solo-${Date.now().toString(36)}`, options.difficulty, true);
  }

  async resume(saved: SavedSession): Promise<GameResult> {
    const reply = await this.engine.request({ op: 'restore', header: saved.header, events: saved.events });
    return this.adopt(reply, saved.meta.id, saved.meta.difficulty, true);
  }

  /**
   * Opens an exported log: the worker verifies the chain, the trailer and every round, then
   * opens the session on the states that check computed (logImport.ts), so each round is re-run
   * once and never on the page. `progress` hears each round as it is checked.
   */
  async importLog(file: Blob, difficulty: Difficulty = 'standard', progress?: (p: ImportProgress) => void): Promise<GameResult> {
    let reply = await this.engine.request({ op: 'import', file }, progress);
    // The worker died mid-import: the engine now runs on the page, so read the file there.
    if (!reply.ok && 'workerLost' in reply) reply = await this.engine.request({ op: 'import', file }, progress);
    const id = reply.ok ? `import-${reply.snapshot.head.hash.slice(0, 12)}` : '';
    return this.adopt(reply, id, difficulty, true);
  }

  async send(command: SessionCommand): Promise<GameResult> {
    if (!this.current) return { ok: false, failure: { kind: 'error', message: 'no game is open' } };
    const before = this.current.state;
    let reply = await this.engine.request({ op: 'send', command, now: now() });
    if (!reply.ok && 'error' in reply) {
      // The worker died: reopen the game from the log we hold and try once more.
      const reopened = await this.engine.request({ op: 'restore', header: this.current.header, events: this.events });
      if (reopened.ok) reply = await this.engine.request({ op: 'send', command, now: now() });
    }
    const resolved = command.type === 'CloseRound';
    return this.adopt(reply, this.current.id, this.current.difficulty, false, resolved ? before : this.current.before);
  }

  private async adopt(reply: EngineReply, id: string, difficulty: Difficulty, fresh: boolean, before: SessionState | null = null): Promise<GameResult> {
    if (!reply.ok) return { ok: false, failure: failureOf(reply) };
    const s: EngineSnapshot = reply.snapshot;
    this.events = fresh ? [...s.events] : [...this.events, ...s.events];
    this.current = { id, difficulty, header: s.header, state: s.state, head: s.head, before };
    await this.save();
    for (const listener of this.listeners) listener(this.current);
    return { ok: true };
  }

  private async save(): Promise<void> {
    const v = this.current!;
    const scenario = v.state.scenario!;
    try {
      await saveSession({
        meta: {
          id: v.id,
          scenarioId: scenario.id,
          title: scenario.title,
          difficulty: v.difficulty,
          round: v.state.round,
          rounds: scenario.rounds,
          ended: v.state.status === 'ended',
          updatedAt: now(),
        },
        header: v.header,
        events: this.events,
      });
      this.saveError = null;
    } catch (error) {
      this.saveError = error instanceof Error ? error.message : String(error);
    }
  }

  /** The whole log as a `.jsonl` file's text, with the trailer that guards against a cut tail. */
  exportText(): string {
    if (!this.current) return '';
    return `${[...logLines(this.current.header, this.events)].join('\n')}\n`;
  }

  close(): void {
    this.current = null;
    this.events = [];
  }

  /** Ends the game for good: the engine's worker stops. */
  dispose(): void {
    this.close();
    this.engine.dispose();
  }
}
