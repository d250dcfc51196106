import { describe, expect, it } from 'vitest';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { initialMarket } from '../../../engine/model/init.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import type { ShockSpec } from '../../../engine/model/scenario.ts';
import { validateShock } from '../../../engine/session/shockValidation.ts';
import { workshop } from '../../support/marketArbitrary.ts';

const { scenario } = workshop();
const TITLE = { 'zh-CN': '衰退', 'zh-TW': '衰退', en: 'Downturn' };

function downturn(magnitudePm: number): ShockSpec {
  return { id: 'crash', kind: 'downturn', round: 1, duration: 1, territory: '', magnitudePm, signalled: false, title: TITLE };
}

function playRound1(injected: ShockSpec[]) {
  const market = initialMarket(scenario, 'shock-test', ['team-1']);
  const decisions = scenario.firms.map((_, fi) => (fi === 0 ? defaultDecisions(market, scenario, 0) : null));
  return resolveRound(market, { scenario, seed: 'shock-test', round: 1, decisions, injected });
}

describe('injected shocks', () => {
  it('a full downturn (1000‰) takes demand to zero, not below', () => {
    const { outcome } = playRound1([downturn(1000)]);
    for (const t of outcome.territories) expect(t.units).toBeGreaterThanOrEqual(0);
    for (const f of outcome.firms) {
      expect(f.pnl.revenue).toBeGreaterThanOrEqual(0);
      expect(f.pnl.cogs).toBeGreaterThanOrEqual(0);
    }
  });

  /*
   * The session refuses downturns above 1000‰ (see session.test.ts); the model must still not
   * sell negative units if one reaches it another way (a scenario file, an older log).
   */
  it('a downturn above 1000‰ never makes units or revenue negative', () => {
    const shock = downturn(2000);
    expect(validateShock(shock, scenario, 1)).not.toBeNull();
    const { outcome } = playRound1([shock]);
    for (const t of outcome.territories) expect(t.units).toBeGreaterThanOrEqual(0);
    for (const f of outcome.firms) expect(f.pnl.revenue).toBeGreaterThanOrEqual(0);
  });
});
