import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { createAppMachine, phaseOf } from '../../../ui/app/appMachine.ts';
import { Game } from '../../../ui/game/game.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { teamContext } from '../../../ui/view/session.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';

function tutorialLike() {
  const loaded = loadBuiltIn('workshop');
  if (!loaded.ok) throw new Error('workshop does not load');
  // Three rounds are enough to walk the whole flow.
  return { ...loaded.scenario, rounds: 3, keyAccounts: loaded.scenario.keyAccounts.filter((k) => k.contractEnd > 3) };
}

describe('the app flow', () => {
  it('walks start → briefing → decide → results … → end → replay, through the real game', async () => {
    const game = new Game();
    const actor = createActor(createAppMachine(game)).start();
    expect(actor.getSnapshot().value).toBe('start');
    const started = await game.start({ scenario: tutorialLike(), seed: 'flow', difficulty: 'standard', teamName: 'T' });
    expect(started.ok).toBe(true);
    actor.send({ type: 'GAME_READY', phase: phaseOf(game.view!.state) });
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'BEGIN' });
    await waitFor(actor, (s) => s.matches('deciding'));
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'BEGIN' }); // the round is open already: straight back to the decisions
    expect(actor.getSnapshot().value).toBe('deciding');
    for (let round = 1; round <= 3; round++) {
      const ctx = teamContext(game.view!.state);
      actor.send({ type: 'SUBMIT', decisions: defaultDecisions(ctx.market, ctx.scenario, ctx.firm) });
      expect(actor.getSnapshot().value).toBe('resolving');
      await waitFor(actor, (s) => s.matches('results'));
      expect(game.view!.state.history).toHaveLength(round);
      expect(game.view!.before?.round).toBe(round);
      actor.send({ type: 'NEXT' });
      await waitFor(actor, (s) => s.matches(round < 3 ? 'deciding' : 'end'));
    }
    expect(game.view!.state.status).toBe('ended');
    actor.send({ type: 'REPLAY', round: 2 });
    expect(actor.getSnapshot().context.replayRound).toBe(2);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().value).toBe('end');
    actor.send({ type: 'HOME' });
    expect(actor.getSnapshot().value).toBe('start');
  });

  it('a refused submission comes back to the decisions with the reason', async () => {
    const game = new Game();
    const actor = createActor(createAppMachine(game)).start();
    await game.start({ scenario: tutorialLike(), seed: 'flow', difficulty: 'standard', teamName: 'T' });
    actor.send({ type: 'GAME_READY', phase: 'briefing' });
    actor.send({ type: 'BEGIN' });
    await waitFor(actor, (s) => s.matches('deciding'));
    const ctx = teamContext(game.view!.state);
    const plan = defaultDecisions(ctx.market, ctx.scenario, ctx.firm);
    actor.send({ type: 'SUBMIT', decisions: { ...plan, travel: plan.travel + 10_000_000 } });
    await waitFor(actor, (s) => s.matches('deciding'));
    const failure = actor.getSnapshot().context.failure;
    expect(failure).toMatchObject({ kind: 'rejected', rejection: { code: 'decisions.over-budget' } });
    expect(game.view!.state.history).toHaveLength(0);
  });
});
