import type { EventEnvelope } from '../core/envelope.ts';
import type { NegotiationContext } from '../negotiation/context.ts';
import type { PersistedNegotiation } from '../negotiation/machine.ts';
import type { Persona } from '../negotiation/types.ts';
import type { SessionEvent } from './events.ts';
import type { SessionNegotiation, SessionState } from './state.ts';

/**
 * Who is looking at a live session. The facilitator sees every event; a team sees its own
 * decisions and negotiations and only that the others acted; an observer (the projector) sees
 * that anyone acted, never what.
 */
export type Viewer = { readonly kind: 'facilitator' } | { readonly kind: 'team'; readonly team: string } | { readonly kind: 'observer' };

const PRIVATE_TYPES: ReadonlySet<string> = new Set(['DecisionsSubmitted', 'NegotiationStarted', 'NegotiationMoved']);

/**
 * An event whose payload a viewer may not read yet: its place in the chain, type, actor and
 * time stay, so the viewer can follow the chain and see who submitted, not what.
 */
export interface SealedEnvelope {
  readonly sealed: true;
  readonly seq: number;
  readonly type: string;
  readonly v: number;
  readonly round: number;
  readonly actor: EventEnvelope['actor'];
  readonly ts: string;
  readonly cmd: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type ViewEnvelope = EventEnvelope<SessionEvent> | SealedEnvelope;

export function isSealed(event: ViewEnvelope): event is SealedEnvelope {
  return (event as SealedEnvelope).sealed === true;
}

export function canSee(event: { readonly type: string; readonly payload: unknown }, viewer: Viewer): boolean {
  if (viewer.kind === 'facilitator' || !PRIVATE_TYPES.has(event.type)) return true;
  return viewer.kind === 'team' && (event.payload as { team?: unknown } | null)?.team === viewer.team;
}

export function viewOfEvent(event: EventEnvelope<SessionEvent>, viewer: Viewer): ViewEnvelope {
  if (canSee(event, viewer)) return event;
  const { seq, type, v, round, actor, ts, cmd, prevHash, hash } = event;
  return { sealed: true, seq, type, v, round, actor, ts, cmd, prevHash, hash };
}

/**
 * The buyer's profile as a seller may know it mid-session: the weights and pains the buyer has
 * revealed, nothing of its reservation price, alternative offer, patience, style or the
 * objections still to come. The target each move record carries is the reservation in motion,
 * so it goes too; the debrief shows it once the seed is public.
 */
function redactNegotiation(n: PersistedNegotiation): PersistedNegotiation {
  const c = n.context;
  const p = c.persona;
  const weights = Object.fromEntries(Object.entries(p.weights).map(([a, w]) => [a, c.revealedWeights.includes(a as never) ? w : 0])) as Persona['weights'];
  const known = c.revealedPains;
  const persona: Persona = {
    account: p.account,
    industry: p.industry,
    reservationPm: 0,
    alternative: { pricePm: 0, service: 0 },
    weights,
    // The type wants two pains; unrevealed ones are filled with revealed ones (or a placeholder).
    pains: [known[0] ?? 'downtime', known[1] ?? known[0] ?? 'downtime'],
    patience: 0,
    style: 'linear',
    objections: [],
  };
  const context: NegotiationContext = { ...c, persona, history: c.history.map((r) => ({ ...r, targetPm: 0 })) };
  return { stage: n.stage, context };
}

/**
 * The session state a viewer may hold while the session runs (boardgame.io's playerView): the
 * markets and results everyone sees; pending and played decisions and negotiations of the
 * viewer's own team only; buyers' hidden profiles never. After the end nothing is hidden.
 */
export function playerState(state: SessionState, viewer: Viewer): SessionState {
  if (state.status === 'ended') return state;
  const mine = (team: string) => viewer.kind === 'facilitator' || (viewer.kind === 'team' && viewer.team === team);
  const negotiations: SessionNegotiation[] = state.negotiations
    .filter((n) => mine(n.team))
    .map((n) => ({ ...n, negotiation: redactNegotiation(n.negotiation) }));
  return {
    ...state,
    pending: state.pending.filter((p) => mine(p.team)),
    played: state.played.filter((p) => mine(p.team)),
    negotiations,
  };
}
