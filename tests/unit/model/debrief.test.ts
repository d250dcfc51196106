import { describe, expect, it } from 'vitest';
import { debriefMoments, LOW_MORALE, SHARE_DROP_BP } from '../../../engine/model/debrief.ts';
import type { RoundOutcome } from '../../../engine/model/outcome.ts';
import type { DebriefPrompt, DebriefTrigger, Scenario } from '../../../engine/model/scenario.ts';
import { playBotSession } from '../../../engine/session/botSession.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const { scenario, hash } = workshop();
const text = (en: string) => ({ 'zh-CN': en, 'zh-TW': en, en });
const prompt = (id: string, trigger: DebriefTrigger, round: number): DebriefPrompt => ({
  id,
  trigger,
  round,
  framework: 'manager-role',
  prompt: text(id),
});

/** A bare outcome for firm 0 and one rival, with the fields the triggers read. */
function outcome(round: number, f: { share?: number; morale?: number; leavers?: string[]; red?: boolean } = {}): RoundOutcome {
  const share = f.share ?? 5000;
  return {
    round,
    territories: [{ id: 't', potential: 1, units: 1, takeUpBp: 1, shareBp: [share, 10_000 - share], attractionBp: [], segmentCustomers: [] }],
    firms: [
      { morale: f.morale ?? 70, leavers: f.leavers ?? [], kpis: [{ lights: f.red ? ['green', 'red'] : ['green'] }] },
      { morale: 70, leavers: [], kpis: [] },
    ],
    accounts: [],
    explanations: [],
    signals: [],
    negotiations: [],
  } as unknown as RoundOutcome;
}

const withPrompts = (debrief: DebriefPrompt[]): Scenario => ({ ...scenario, debrief });

describe('debrief moments', () => {
  it('a round-end prompt follows its round, and only once that round has been played', () => {
    const s = withPrompts([prompt('r2', 'round-end', 2), prompt('r5', 'round-end', 5)]);
    const moments = debriefMoments(s, [outcome(1), outcome(2), outcome(3)], 0);
    expect(moments.map((m) => [m.prompt.id, m.round])).toEqual([['r2', 2]]);
  });

  it('an event prompt fires the first time the event happens from its round on, once', () => {
    const s = withPrompts([prompt('low', 'morale-low', 2), prompt('red', 'kpi-red', 1), prompt('left', 'rep-left', 1)]);
    const outcomes = [
      outcome(1, { morale: LOW_MORALE - 1 }), // before the morale prompt's round: ignored
      outcome(2, { morale: LOW_MORALE }), // not below
      outcome(3, { morale: LOW_MORALE - 5, red: true }),
      outcome(4, { morale: 10, red: true, leavers: ['r1'] }),
    ];
    expect(debriefMoments(s, outcomes, 0).map((m) => [m.prompt.id, m.round])).toEqual([
      ['low', 3],
      ['red', 3],
      ['left', 4],
    ]);
    // The rival (firm 1) had none of it.
    expect(debriefMoments(s, outcomes, 1)).toEqual([]);
  });

  it('a share drop is a fall of at least the threshold from the round before', () => {
    const s = withPrompts([prompt('drop', 'share-drop', 1)]);
    expect(debriefMoments(s, [outcome(1, { share: 5000 }), outcome(2, { share: 5000 - SHARE_DROP_BP + 1 })], 0)).toEqual([]);
    expect(debriefMoments(s, [outcome(1, { share: 5000 }), outcome(2, { share: 5000 - SHARE_DROP_BP })], 0).map((m) => m.round)).toEqual([2]);
  });

  it('on a real session, the workshop prompts land on rounds that were played, in round order', () => {
    const session = playBotSession({ scenario, scenarioHash: hash, seed: 'debrief', bots: ['balanced', 'max-discount'], rounds: 12, mode: 'shared', clock: () => 't' });
    const outcomes = session.log.events.filter((e) => e.type === 'RoundResolved').map((e) => (e.payload as { outcomes: readonly RoundOutcome[] }).outcomes[0]!);
    const moments = debriefMoments(scenario, outcomes, 0);
    expect(moments.length).toBeGreaterThanOrEqual(3);
    expect(moments.map((m) => m.round)).toEqual([...moments.map((m) => m.round)].sort((a, b) => a - b));
    for (const id of ['first-targets', 'swiftbuy-arrives', 'year-in-review']) expect(moments.map((m) => m.prompt.id)).toContain(id);
    expect(new Set(moments.map((m) => m.prompt.id)).size).toBe(moments.length);
  });
});
