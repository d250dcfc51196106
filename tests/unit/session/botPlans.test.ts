import { describe, expect, it } from 'vitest';
import { BOT_IDS, playBot } from '../../../engine/bots/index.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { validateDecisions } from '../../../engine/model/validateDecisions.ts';
import { workshop } from '../../support/marketArbitrary.ts';

/**
 * A session plays a bot team's decisions without validating them (roundPlay.ts, source 'bot'),
 * so every bot must only make plans a team could submit.
 */
describe('bots play legal plans', () => {
  const { scenario } = workshop();
  const market = initialMarket(scenario, 'bots', ['team-1', 'team-2']);

  it('every bot, for every round of the workshop, on the opening market', () => {
    const bad: string[] = [];
    for (const bot of BOT_IDS) {
      for (let round = 1; round <= scenario.rounds; round++) {
        const d = playBot(bot, { market, scenario, firm: 0, round, seed: 'bots' });
        const v = validateDecisions(d, market, scenario, 0);
        if (v) bad.push(`${bot} round ${round}: ${v.code} at ${v.path}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the random bot never plans more call-units for a rep than validateDecisions allows', () => {
    const bad: string[] = [];
    for (let round = 1; round <= 2000; round++) {
      const d = playBot('random', { market, scenario, firm: 0, round, seed: 'bots' });
      const v = validateDecisions(d, market, scenario, 0);
      if (v) bad.push(`round ${round}: ${v.code} at ${v.path}`);
    }
    expect(bad).toEqual([]);
  });
});
