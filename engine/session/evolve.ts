import { castDraft, freeze, produce, type Draft } from 'immer';
import type { EventEnvelope } from '../core/envelope.ts';
import { initialMarket } from '../model/init.ts';
import type { RoundOutcome } from '../model/outcome.ts';
import type { MarketState } from '../model/state.ts';
import type { SessionEvent } from './events.ts';
import { decisionsToPlay, resolveMarkets } from './roundPlay.ts';
import type { SessionNegotiation, SessionState } from './state.ts';
import { findNegotiation, openNegotiation } from './negotiations.ts';
import { playMove } from '../negotiation/machine.ts';

type Resolution = { markets: MarketState[]; outcomes: RoundOutcome[] };

/**
 * A round is resolved once when it is decided and would be resolved again when its event is
 * applied; this remembers the result for the state it was computed on. It is a cache of a pure
 * function, so replaying without it gives the same state.
 */
const resolved = new WeakMap<SessionState, { seed: string; result: Resolution }>();
let decidedResolution: { before: SessionState; seed: string; result: Resolution } | null = null;

export function rememberResolution(before: SessionState, seed: string, result: Resolution): void {
  decidedResolution = { before, seed, result };
}

export function applyClosed(state: SessionState, seed: string, event: Extract<SessionEvent, { type: 'RoundClosed' }>['payload']): SessionState {
  const played = decisionsToPlay(state, seed, event.sources);
  return produce(state, (d) => {
    d.played = played as Draft<typeof played>;
  });
}

export function applyResolved(state: SessionState, result: Resolution): SessionState {
  return produce(state, (d) => {
    d.markets = result.markets as Draft<MarketState>[];
    d.history.push(result.outcomes as Draft<RoundOutcome>[]);
    d.status = 'ready';
    d.pending = [];
    d.injected = [];
  });
}

export function resolutionFor(state: SessionState, seed: string): Resolution {
  const hit = resolved.get(state);
  return hit && hit.seed === seed ? hit.result : resolveMarkets(state, seed, state.played);
}

export function evolveSession(seed: string, state: SessionState, event: EventEnvelope<SessionEvent>): SessionState {
  switch (event.type) {
    case 'SessionCreated': {
      const { scenario, scenarioHash, mode, teams } = event.payload;
      const firstSlot = scenario.firms.find((f) => f.kind === 'team')!.id;
      const markets =
        mode === 'shared'
          ? [initialMarket(scenario, seed, teams.map((t) => t.firm))]
          : teams.map(() => initialMarket(scenario, seed, [firstSlot]));
      return produce(state, (d) => {
        d.status = 'ready';
        d.scenario = scenario as Draft<typeof scenario>;
        d.scenarioHash = scenarioHash;
        d.mode = mode;
        d.teams = teams.map((t) => ({ ...t, members: [] })) as Draft<SessionState['teams']>;
        d.markets = markets as Draft<MarketState>[];
      });
    }
    case 'MemberJoined':
      return produce(state, (d) => {
        d.teams.find((t) => t.id === event.payload.team)?.members.push(event.payload.member);
      });
    case 'RoundOpened':
      return produce(state, (d) => {
        d.status = 'open';
        d.round = event.payload.round;
        d.pending = [];
        d.injected = [];
      });
    case 'DecisionsSubmitted': {
      // Frozen before it enters the draft, and the list rebuilt from the frozen base: immer then
      // has no plan to walk and no drafts to make (a plan is most of a submission's bytes, and a
      // workshop submits hundreds of them).
      const entry = freeze({ team: event.payload.team, decisions: event.payload.decisions, by: event.payload.member ?? event.actor.id }, true);
      const pending = [...state.pending.filter((p) => p.team !== entry.team), entry];
      return produce(state, (d) => {
        d.pending = castDraft(pending);
      });
    }
    case 'NegotiationStarted': {
      const team = state.teams.find((t) => t.id === event.payload.team)!;
      const negotiation = openNegotiation(state, seed, team, event.payload.account);
      return produce(state, (d) => {
        d.negotiations.push({ team: team.id, account: event.payload.account, round: state.round, negotiation } as Draft<SessionNegotiation>);
      });
    }
    case 'NegotiationMoved': {
      const current = findNegotiation(state, event.payload.team, event.payload.account);
      if (!current) return state;
      const played = playMove(current.negotiation, event.payload.move);
      if (!played.ok) return state;
      const index = state.negotiations.indexOf(current);
      return produce(state, (d) => {
        d.negotiations[index]!.negotiation = played.negotiation as Draft<typeof played.negotiation>;
      });
    }
    case 'ShockInjected':
      return produce(state, (d) => {
        d.injected.push(event.payload.shock as Draft<typeof event.payload.shock>);
      });
    case 'RoundClosed': {
      const next = applyClosed(state, seed, event.payload);
      if (decidedResolution?.before === state && decidedResolution.seed === seed) {
        resolved.set(next, { seed, result: decidedResolution.result });
      }
      decidedResolution = null;
      return next;
    }
    case 'RoundResolved':
      return applyResolved(state, resolutionFor(state, seed));
    case 'SessionEnded':
      return produce(state, (d) => {
        d.status = 'ended';
        d.revealedSeed = event.payload.seed;
      });
  }
}
