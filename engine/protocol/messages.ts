/**
 * The wire protocol between the session server and its clients (docs/protocol.md): the schema
 * the server checks every client message against, and the messages it sends back. Shared by
 * server/ and ui/, which must not import each other.
 */
import { z } from 'zod';
import type { LogHeader } from '../core/header.ts';
import type { SessionState } from '../session/state.ts';
import type { ViewEnvelope } from '../session/playerView.ts';

/** Largest message a client may send (decisions are a few kB; a custom shock less). */
export const MAX_MESSAGE_BYTES = 64 * 1024;

const id = z.string().min(1).max(64);
const locale = z.enum(['zh-CN', 'zh-TW', 'en']);
const name = z.string().trim().min(1).max(40);

/** What a client's `command` may ask for; the session's own rules check the rest. */
const command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('OpenRound') }).strict(),
  z.object({ type: z.literal('CloseRound') }).strict(),
  z.object({ type: z.literal('EndSession') }).strict(),
  z.object({ type: z.literal('InjectShock'), shock: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ type: z.literal('SubmitDecisions'), team: z.string().max(40).optional(), decisions: z.record(z.string(), z.unknown()) }).strict(),
  z.object({ type: z.literal('StartNegotiation'), team: z.string().max(40).optional(), account: z.string().min(1).max(80) }).strict(),
  z
    .object({ type: z.literal('NegotiationMove'), team: z.string().max(40).optional(), account: z.string().min(1).max(80), move: z.record(z.string(), z.unknown()) })
    .strict(),
]);

export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), id, token: z.string().min(16).max(128), after: z.number().int().min(0).optional(), locale: locale.optional() }).strict(),
  z
    .object({
      type: z.literal('create'),
      id,
      scenario: z.string().min(1).max(60),
      seed: z.string().trim().min(1).max(60).optional(),
      mode: z.enum(['shared', 'parallel']),
      teams: z.array(z.object({ name, bot: z.string().max(40).optional() }).strict()).min(1).max(12),
      roundSeconds: z.number().int().min(0).max(4 * 3600),
      locale,
    })
    .strict(),
  z.object({ type: z.literal('join'), id, code: z.string().min(1).max(20), name, team: z.string().max(40).optional(), locale: locale.optional() }).strict(),
  z.object({ type: z.literal('command'), id, command, expectedSeq: z.number().int().min(0).optional() }).strict(),
  z.object({ type: z.literal('timer'), id, action: z.enum(['pause', 'resume', 'extend']), seconds: z.number().int().min(1).max(3600).optional() }).strict(),
  z.object({ type: z.literal('sync'), id, after: z.number().int().min(0) }).strict(),
]);

export type ClientMessage = z.infer<typeof clientMessage>;
export type ClientCommand = z.infer<typeof command>;

export type Role = 'facilitator' | 'team' | 'observer';

/** The round clock as a client shows it: time left, not a deadline, so clocks need not agree. */
export type TimerView = { readonly kind: 'off' } | { readonly kind: 'running' | 'paused'; readonly remainingMs: number };

export type ServerMessage =
  | {
      readonly type: 'welcome';
      readonly id: string;
      readonly session: string;
      readonly role: Role;
      readonly team: string;
      readonly member: string;
      /** Shown to the facilitator (to project) and to nobody else. */
      readonly joinCode: string;
      /** How long a round stays open on the clock; 0: the facilitator closes each round. */
      readonly roundSeconds: number;
      readonly header: LogHeader;
      readonly headerHash: string;
      /** The events after the client's `after`, as this client may see them. */
      readonly events: readonly ViewEnvelope[];
      /** The session as this client may see it now (no seed, no buyer profiles, no other team's plans). */
      readonly state: SessionState;
      readonly timer: TimerView;
    }
  | { readonly type: 'created'; readonly id: string; readonly session: string; readonly joinCode: string; readonly facilitatorToken: string; readonly observerToken: string }
  | { readonly type: 'joined'; readonly id: string; readonly session: string; readonly team: string; readonly token: string }
  | { readonly type: 'ack'; readonly id: string; readonly seq: number; readonly duplicate: boolean }
  | {
      readonly type: 'refused';
      readonly id: string | null;
      readonly code: string;
      readonly message: string;
      readonly path?: string;
      readonly params?: Readonly<Record<string, string | number>>;
    }
  | { readonly type: 'events'; readonly events: readonly ViewEnvelope[]; readonly state?: SessionState }
  | { readonly type: 'timer'; readonly timer: TimerView };
