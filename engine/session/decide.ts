import { reject, type DecideContext, type Rejection } from '../core/decider.ts';
import { castDraft, produce } from 'immer';
import { botNegotiationStrategy, isBotId } from '../bots/index.ts';
import { playBotNegotiations } from '../bots/negotiate.ts';
import { validateDecisions } from '../model/validateDecisions.ts';
import type { SessionCommand } from './commands.ts';
import type { SessionEvent } from './events.ts';
import { applyClosed, applyResolved, rememberResolution } from './evolve.ts';
import { decisionSources, resolveMarkets } from './roundPlay.ts';
import { validateShock } from './shockValidation.ts';
import { sessionStateHash } from './stateHash.ts';
import type { SessionState } from './state.ts';
import { firmIndexOf, marketIndexOf } from './teams.ts';
import { checkMove, checkStart, findNegotiation } from './negotiations.ts';

const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_TEAMS = 12;

function controls(ctx: DecideContext): boolean {
  return ctx.actor.kind === 'facilitator' || ctx.actor.kind === 'system';
}

function decideCreate(state: SessionState, c: Extract<SessionCommand, { type: 'CreateSession' }>): SessionEvent[] | Rejection {
  if (state.status !== 'new') return reject('session.exists');
  const scenario = c.scenario;
  if (c.mode !== 'shared' && c.mode !== 'parallel') return reject('field.one-of', { value: String(c.mode), options: 'shared, parallel' }, 'mode');
  if (!Array.isArray(c.teams) || c.teams.length === 0 || c.teams.length > MAX_TEAMS) {
    return reject('session.team-count', { min: 1, max: MAX_TEAMS }, 'teams');
  }
  const slots = scenario.firms.filter((f) => f.kind === 'team').map((f) => f.id);
  if (c.mode === 'shared' && c.teams.length > slots.length) return reject('session.team-slots', { slots: slots.length }, 'teams');
  const ids = new Set<string>();
  const firms = new Set<string>();
  for (let i = 0; i < c.teams.length; i++) {
    const t = c.teams[i]!;
    const path = `teams[${i}]`;
    if (typeof t.id !== 'string' || !ID.test(t.id)) return reject('field.id', { value: String(t.id) }, `${path}.id`);
    if (ids.has(t.id)) return reject('decisions.duplicate', { value: t.id }, `${path}.id`);
    ids.add(t.id);
    if (typeof t.name !== 'string' || t.name.trim().length === 0 || t.name.length > 40) return reject('session.team-name', { max: 40 }, `${path}.name`);
    if (!slots.includes(t.firm)) return reject('session.not-a-slot', { value: String(t.firm), slots: slots.join(', ') }, `${path}.firm`);
    if (c.mode === 'shared' && firms.has(t.firm)) return reject('decisions.duplicate', { value: t.firm }, `${path}.firm`);
    firms.add(t.firm);
    if (t.bot !== undefined && !isBotId(t.bot)) return reject('session.unknown-bot', { value: String(t.bot) }, `${path}.bot`);
  }
  const teams = c.teams.map((t) => ({ id: t.id, name: t.name, firm: t.firm, ...(t.bot ? { bot: t.bot } : {}) }));
  return [{ type: 'SessionCreated', payload: { scenario, scenarioHash: c.scenarioHash, mode: c.mode, teams } }];
}

/**
 * Bot teams negotiate when the round closes, after everyone else: every account they may talk
 * to, move by move. The moves are logged like a person's, so replay never runs the bot.
 */
function botTalks(state: SessionState, seed: string): { state: SessionState; events: SessionEvent[] } {
  const events: SessionEvent[] = [];
  let next = state;
  for (const team of state.teams) {
    if (!team.bot) continue;
    const strategy = botNegotiationStrategy(team.bot);
    if (strategy === 'none') continue;
    const market = state.markets[marketIndexOf(state, team.id)]!;
    for (const n of playBotNegotiations(market, state.scenario!, seed, firmIndexOf(state, team), state.round, strategy)) {
      if (findNegotiation(next, team.id, n.account)) continue;
      events.push({ type: 'NegotiationStarted', payload: { team: team.id, account: n.account } });
      for (const move of n.moves) events.push({ type: 'NegotiationMoved', payload: { team: team.id, account: n.account, move } });
      const entry = { team: team.id, account: n.account, round: state.round, negotiation: n.negotiation };
      next = produce(next, (d) => {
        d.negotiations.push(castDraft(entry));
      });
    }
  }
  return { state: next, events };
}

/** Closing a round resolves it at once: both facts go to the log together. */
function decideClose(state: SessionState, seed: string): SessionEvent[] {
  const talks = botTalks(state, seed);
  const sources = decisionSources(talks.state);
  const closed = applyClosed(talks.state, seed, { round: state.round, sources });
  const result = resolveMarkets(closed, seed, closed.played);
  const after = applyResolved(closed, result);
  rememberResolution(talks.state, seed, result);
  return [
    ...talks.events,
    { type: 'RoundClosed', payload: { round: state.round, sources } },
    { type: 'RoundResolved', payload: { round: state.round, outcomes: result.outcomes, stateHash: sessionStateHash(after) } },
  ];
}

export function decideSession(seed: string, state: SessionState, command: SessionCommand, ctx: DecideContext): SessionEvent[] | Rejection {
  if (typeof command !== 'object' || command === null) return reject('command.unknown', { type: 'none' }, 'type');
  if (state.status === 'ended') return reject('session.ended');
  if (command.type !== 'CreateSession' && state.status === 'new') return reject('session.not-created');
  switch (command.type) {
    case 'CreateSession':
      if (!controls(ctx)) return reject('session.facilitator-only');
      return decideCreate(state, command);
    case 'JoinTeam': {
      const team = state.teams.find((t) => t.id === command.team);
      if (!team) return reject('session.unknown-team', { value: String(command.team) }, 'team');
      if (typeof command.member !== 'string' || command.member.trim().length === 0 || command.member.length > 40) {
        return reject('session.member-name', { max: 40 }, 'member');
      }
      if (team.members.includes(command.member)) return [];
      return [{ type: 'MemberJoined', payload: { team: team.id, member: command.member } }];
    }
    case 'OpenRound':
      if (!controls(ctx)) return reject('session.facilitator-only');
      if (state.status === 'open') return reject('session.round-open', { round: state.round });
      if (state.round >= state.scenario!.rounds) return reject('session.last-round', { rounds: state.scenario!.rounds });
      return [{ type: 'RoundOpened', payload: { round: state.round + 1 } }];
    case 'SubmitDecisions': {
      if (state.status !== 'open') return reject('session.no-round-open');
      const team = state.teams.find((t) => t.id === command.team);
      if (!team) return reject('session.unknown-team', { value: String(command.team) }, 'team');
      if (!(ctx.actor.kind === 'team' && ctx.actor.id === team.id)) return reject('session.not-your-team', { team: team.id });
      if (team.bot) return reject('session.bot-team', { team: team.id });
      const market = state.markets[marketIndexOf(state, team.id)]!;
      const invalid = validateDecisions(command.decisions, market, state.scenario!, firmIndexOf(state, team));
      if (invalid) return invalid;
      const member = command.member;
      if (member !== undefined && (typeof member !== 'string' || member.trim().length === 0 || member.length > 40)) {
        return reject('session.member-name', { max: 40 }, 'member');
      }
      return [{ type: 'DecisionsSubmitted', payload: { team: team.id, decisions: command.decisions, ...(member !== undefined ? { member } : {}) } }];
    }
    case 'StartNegotiation':
    case 'NegotiationMove': {
      if (state.status !== 'open') return reject('session.no-round-open');
      const team = state.teams.find((t) => t.id === command.team);
      if (!team) return reject('session.unknown-team', { value: String(command.team) }, 'team');
      if (!(ctx.actor.kind === 'team' && ctx.actor.id === team.id)) return reject('session.not-your-team', { team: team.id });
      if (team.bot) return reject('session.bot-team', { team: team.id });
      if (command.type === 'StartNegotiation') {
        const invalid = checkStart(state, team, command.account);
        return invalid ?? [{ type: 'NegotiationStarted', payload: { team: team.id, account: command.account } }];
      }
      const invalid = checkMove(state, team, command.account, command.move);
      return invalid ?? [{ type: 'NegotiationMoved', payload: { team: team.id, account: command.account, move: command.move } }];
    }
    case 'InjectShock': {
      if (!controls(ctx)) return reject('session.facilitator-only');
      if (state.status !== 'open') return reject('session.no-round-open');
      const invalid = validateShock(command.shock, state.scenario!, state.round);
      if (invalid) return invalid;
      if (state.injected.some((s) => s.id === command.shock.id) || state.scenario!.shocks.some((s) => s.id === command.shock.id)) {
        return reject('decisions.duplicate', { value: command.shock.id }, 'shock.id');
      }
      return [{ type: 'ShockInjected', payload: { shock: command.shock } }];
    }
    case 'CloseRound':
      if (!controls(ctx)) return reject('session.facilitator-only');
      if (state.status !== 'open') return reject('session.no-round-open');
      return decideClose(state, seed);
    case 'EndSession':
      if (!controls(ctx)) return reject('session.facilitator-only');
      if (state.status === 'open') return reject('session.round-open', { round: state.round });
      return [{ type: 'SessionEnded', payload: { round: state.round, seed } }];
    default:
      return reject('command.unknown', { type: String((command as { type?: unknown }).type) }, 'type');
  }
}
