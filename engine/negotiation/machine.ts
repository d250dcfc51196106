import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { applyMove, requiresRevealedPain } from './applyMove.ts';
import type { DealTerms, NegotiationContext } from './context.ts';
import type { Move, MoveKind, Persona } from './types.ts';

/** A move as an xstate event: its kind becomes the event type. */
export type MoveEvent = { readonly type: MoveKind } & Record<string, unknown>;

export function toEvent(move: Move): MoveEvent {
  const { kind, ...rest } = move;
  return { type: kind, ...rest };
}

function toMove(event: MoveEvent): Move {
  const { type, ...rest } = event;
  return { kind: type, ...rest } as Move;
}

const QUESTIONS: readonly MoveKind[] = ['situation', 'problem', 'implication', 'need-payoff'];
const CONCESSIONS: readonly MoveKind[] = ['discount', 'tiered', 'bundle', 'warranty', 'staged-delivery', 'trade'];

/** The moves each stage of the conversation accepts (the machine's transitions, listed for people). */
export const MOVES_BY_STAGE: Readonly<Record<'discovery' | 'proposal' | 'objection', readonly MoveKind[]>> = {
  discovery: [...QUESTIONS, 'fabe', 'quote'],
  proposal: [...QUESTIONS, 'fabe', 'quote', ...CONCESSIONS, 'accept-counter', 'walk-away'],
  // No accepting while an objection is open: the buyer has not agreed to anything yet.
  objection: [...QUESTIONS, 'fabe', 'redirect', 'quote', ...CONCESSIONS, 'walk-away'],
};

const inRange = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

/** Whether a move's figures make sense in this context (the guard behind every transition). */
export function moveIsSound(context: NegotiationContext, move: Move): boolean {
  switch (move.kind) {
    case 'quote':
      return inRange(move.pricePm, 500, 2000);
    case 'discount':
    case 'tiered':
      return inRange(move.bp, 1, 3000);
    case 'bundle':
    case 'warranty':
      return inRange(move.costYuan, 1, 10_000_000);
    case 'accept-counter':
      return context.counterPm > 0;
    case 'implication':
    case 'need-payoff':
      return !requiresRevealedPain(context, move);
    default:
      return true;
  }
}

function stage(kinds: readonly MoveKind[]) {
  const on: Record<string, { guard: 'sound'; actions: 'apply' }> = {};
  for (const kind of kinds) on[kind] = { guard: 'sound', actions: 'apply' };
  return {
    always: [
      { guard: 'dealt' as const, target: 'deal' },
      { guard: 'ended' as const, target: 'noDeal' },
      { guard: 'objecting' as const, target: 'objection' },
      { guard: 'priced' as const, target: 'proposal' },
    ],
    on,
  };
}

/**
 * One negotiation as an xstate machine, driven only by logged moves: discovery until a price is
 * on the table, then proposal, with objection whenever the buyer has one pending, until a deal
 * or no deal. The context changes only through `applyMove`, so the machine's state is a pure
 * function of the persona and the moves. No delays, no invoked actors.
 */
export const negotiationMachine = setup({
  types: {
    context: {} as NegotiationContext,
    events: {} as MoveEvent,
    input: {} as { persona: Persona; terms: DealTerms },
  },
  guards: {
    sound: ({ context, event }) => moveIsSound(context, toMove(event)),
    dealt: ({ context }) => context.outcome === 'deal',
    ended: ({ context }) => context.outcome === 'lost' || context.outcome === 'alternative',
    objecting: ({ context }) => context.outcome === '' && context.pendingObjection !== '',
    priced: ({ context }) => context.outcome === '' && context.pendingObjection === '' && context.askPm > 0,
  },
  actions: {
    apply: assign(({ context, event }) => applyMove(context, toMove(event))),
  },
}).createMachine({
  id: 'negotiation',
  initial: 'discovery',
  context: ({ input }) => ({
    persona: input.persona,
    terms: input.terms,
    moves: 0,
    trust: Math.round(30 + input.terms.relationship / 2),
    perceivedValueBp: 0,
    implicationBp: {},
    revealedWeights: [],
    revealedPains: [],
    cluesGiven: [],
    situationQuestions: 0,
    pointsMade: {},
    askPm: 0,
    firstAskPm: 0,
    quotedAt: 0,
    patienceLost: 0,
    payoffAsked: [],
    tieredBp: 0,
    openingCounterPm: 0,
    counterPm: 0,
    concessionValuePm: 0,
    concessionCostPm: 0,
    discountPm: 0,
    targetDropPm: 0,
    goodwillCost: 0,
    pendingObjection: '',
    raisedObjections: [],
    walkedAway: false,
    outcome: '',
    dealPricePm: 0,
    history: [],
  }),
  states: {
    discovery: stage(MOVES_BY_STAGE.discovery),
    proposal: stage(MOVES_BY_STAGE.proposal),
    objection: stage(MOVES_BY_STAGE.objection),
    deal: { type: 'final' },
    noDeal: { type: 'final' },
  },
});

export type NegotiationSnapshot = SnapshotFrom<typeof negotiationMachine>;

/** What the session stores: the machine's state value and context, plain JSON. */
export interface PersistedNegotiation {
  readonly stage: string;
  readonly context: NegotiationContext;
}

export function startNegotiation(persona: Persona, terms: DealTerms): PersistedNegotiation {
  const [snapshot] = initialTransition(negotiationMachine, { persona, terms });
  return persist(snapshot);
}

function persist(snapshot: NegotiationSnapshot): PersistedNegotiation {
  return { stage: String(snapshot.value), context: snapshot.context };
}

function restore(saved: PersistedNegotiation): NegotiationSnapshot {
  return negotiationMachine.resolveState({ value: saved.stage as never, context: saved.context });
}

/** Why a move was refused: it does not fit the stage, or it tries to accept while the buyer still objects. */
export type MoveRefusal = 'not-allowed' | 'objection-open';

export type MoveResult =
  | { readonly ok: true; readonly negotiation: PersistedNegotiation }
  | { readonly ok: false; readonly allowed: readonly MoveKind[]; readonly reason: MoveRefusal };

/** Plays one move; a move the current stage does not take, or with figures that make no sense, is refused with the moves that would do. */
export function playMove(saved: PersistedNegotiation, move: Move): MoveResult {
  const snapshot = restore(saved);
  const allowed = (MOVES_BY_STAGE as Record<string, readonly MoveKind[]>)[saved.stage] ?? [];
  const event = toEvent(move);
  if (!allowed.includes(move.kind) || !snapshot.can(event)) {
    return { ok: false, allowed, reason: saved.stage === 'objection' && move.kind === 'accept-counter' ? 'objection-open' : 'not-allowed' };
  }
  const [next] = transition(negotiationMachine, snapshot, event);
  return { ok: true, negotiation: persist(next) };
}
