import { describe, expect, it } from 'vitest';
import { hashOf } from '../../../engine/core/hash.ts';
import { logLines } from '../../../engine/core/jsonl.ts';
import { verifyLog } from '../../../engine/core/verify.ts';
import { catalogFor, replayCheckerFor } from '../../../engine/kinds.ts';
import { defaultDecisions } from '../../../engine/model/defaultDecisions.ts';
import { atDifficulty } from '../../../ui/game/difficulty.ts';
import { SoloSession, TEAM_ID } from '../../../ui/game/soloSession.ts';
import { briefingView } from '../../../ui/view/briefingView.ts';
import { upgradeCandidates } from '../../../engine/model/round/upgrades.ts';
import { budgetView, enterNumber, formProblems, openForm, setIncentive, upgradeOutlook } from '../../../ui/view/decisionForm.ts';
import { endView } from '../../../ui/view/endView.ts';
import { formatBp, formatMoney } from '../../../ui/view/format.ts';
import { negotiableList, negotiationRoomView } from '../../../ui/view/negotiationView.ts';
import { repName } from '../../../ui/view/repNames.ts';
import { resultsView } from '../../../ui/view/resultsView.ts';
import { teamContext } from '../../../ui/view/session.ts';
import { playerState } from '../../../engine/session/playerView.ts';
import { workshop } from '../../support/marketArbitrary.ts';
import { sessionDriver } from '../../support/teamSession.ts';

const NOW = '2026-11-29T00:00:00.000Z';

function newGame(seed = 'view-test') {
  return SoloSession.create({ scenario: workshop().scenario, seed, difficulty: 'standard', teamName: '我们的团队', now: NOW });
}

function must(r: ReturnType<SoloSession['send']>) {
  if (!r.ok) throw new Error(JSON.stringify(r.rejection));
  return r;
}

/** A game played with the default plan up to the start of `round` (open). */
function gameAtRound(round: number) {
  const g = newGame();
  for (let r = 1; r < round; r++) {
    must(g.send({ type: 'OpenRound' }, NOW));
    must(g.send({ type: 'CloseRound' }, NOW));
  }
  must(g.send({ type: 'OpenRound' }, NOW));
  return g;
}

describe('solo session', () => {
  it('is one trainee team in the shared market, and its log verifies round by round', async () => {
    const g = gameAtRound(2);
    must(g.send({ type: 'CloseRound' }, NOW));
    expect(g.state.teams).toEqual([expect.objectContaining({ id: TEAM_ID, name: '我们的团队', firm: 'team-1' })]);
    expect(g.state.markets[0]!.firms.filter((f) => f.kind === 'team' && f.active)).toHaveLength(1);
    const text = [...logLines(g.header, g.events)].join('\n') + '\n';
    const verdict = await verifyLog([text], catalogFor, { checkerFor: replayCheckerFor });
    expect(verdict.ok && verdict.head).toBe(g.head.hash);
    const again = SoloSession.restore(g.header, g.events);
    expect(hashOf(again.state)).toBe(hashOf(g.state));
  });

  it('a refused command says why and appends nothing', () => {
    const g = newGame();
    const seq = g.head.seq;
    const r = g.send({ type: 'CloseRound' }, NOW);
    expect(r.ok).toBe(false);
    expect(g.head.seq).toBe(seq);
  });

  it('difficulty changes the rivals only, and the log carries the scenario as played', () => {
    const { scenario } = workshop();
    const hard = atDifficulty(scenario, 'hard');
    scenario.firms.forEach((f, i) => {
      if (f.kind === 'team') expect(hard.firms[i]).toBe(f);
      else expect(hard.firms[i]!.budget).toBeGreaterThan(f.budget);
    });
    const g = SoloSession.create({ scenario, seed: 's', difficulty: 'hard', teamName: 'x', now: NOW });
    expect(g.header.scenario.hash).toBe(hashOf(hard));
    expect(atDifficulty(scenario, 'standard')).toBe(scenario);
  });
});

describe('briefing view', () => {
  it('shows the story, objectives with their framework, the team, territories, rivals and accounts in the reader’s language', () => {
    const b = briefingView(newGame().state, 'zh-CN');
    expect(b.title).toBe('完整工作坊：东江大区');
    expect(b.paragraphs).toHaveLength(3);
    expect(b.objectives[0]).toEqual({ framework: 'SMART目标', text: expect.stringContaining('SMART') });
    expect(b.reps).toHaveLength(10);
    expect(new Set(b.reps.map((r) => r.name)).size).toBe(10);
    expect(b.territories.map((x) => x.name)).toEqual(['滨江', '东湖', '临川', '青石', '云岭', '桐溪']);
    expect(b.rivals.map((r) => r.name)).toContain('速购云');
    expect(b.rivals.find((r) => r.name === '速购云')!.enters).toBe('第 4 轮入场');
    expect(b.accounts).toHaveLength(16);
    expect(b.facts.find((f) => f.label === '每轮预算')!.value).toBe('35万元');
  });

  it('names the other teams of a shared market among the rivals, and leaves out the slots nobody took', () => {
    const { s, create, scenario } = sessionDriver('briefing-rivals');
    create([
      { id: 't1', name: 'Harbour', firm: 'team-1' },
      { id: 't2', name: 'Summit', firm: 'team-2' },
      { id: 'ai', name: 'Robo', firm: 'team-3', bot: 'balanced' },
    ]);
    const b = briefingView(s.state, 'en', 't1');
    const names = b.rivals.map((r) => r.name);
    expect(names).not.toContain('Harbour');
    expect(b.rivals.find((r) => r.name === 'Summit')!.kind).toBe('trainee team');
    expect(b.rivals.find((r) => r.name === 'Robo')!.kind).toBe('team played by the computer');
    const slots = scenario.firms.filter((f) => f.kind === 'team').length;
    expect(names.filter((n) => /^Team \d/.test(n))).toEqual([]);
    expect(b.rivals).toHaveLength(scenario.firms.length - slots + 2);
  });
});

describe('decision form', () => {
  it('opens on a plan the engine accepts', () => {
    const ctx = teamContext(gameAtRound(1).state);
    const form = openForm(ctx);
    expect(formProblems(form, ctx)).toEqual([]);
    expect(form.decisions).toEqual(defaultDecisions(ctx.market, ctx.scenario, ctx.firm));
  });

  it('reports a bad entry at its field and keeps the last good value in the plan', () => {
    const ctx = teamContext(gameAtRound(1).state);
    const form = openForm(ctx);
    const bad = enterNumber(form, 'reps[2].prospecting', 'abc', ctx);
    expect(bad.decisions).toBe(form.decisions);
    expect(formProblems(bad, ctx)).toEqual([{ path: 'reps[2].prospecting', key: 'form.not-a-number', params: expect.objectContaining({ value: 'abc' }) }]);
    const out = enterNumber(form, 'reps[2].prospecting', '500', ctx);
    expect(formProblems(out, ctx)[0]).toMatchObject({ path: 'reps[2].prospecting', key: 'form.range', params: { min: 0, max: 96 } });
    const fixed = enterNumber(out, 'reps[2].prospecting', '24', ctx);
    expect(formProblems(fixed, ctx)).toEqual([]);
    expect(fixed.decisions.reps[2]!.prospecting).toBe(24);
  });

  it('checks a rep’s week, the budget and the manager’s hours as the engine will', () => {
    const ctx = teamContext(gameAtRound(1).state);
    let form = openForm(ctx);
    form = enterNumber(form, 'reps[0].longTail', '90', ctx);
    expect(formProblems(form, ctx).map((p) => p.path)).toEqual(['reps[0]']);
    form = openForm(ctx);
    form = enterNumber(form, 'territories[0].promotion', '900000', ctx);
    const problems = formProblems(form, ctx);
    expect(problems.map((p) => p.path)).toEqual(['budget']);
    expect(budgetView(form, ctx).remaining).toBe(-problems[0]!.params.over!);
    form = openForm(ctx);
    form = enterNumber(form, 'meetingHours', '40', ctx);
    form = setIncentive(form, '*', 'recognition');
    expect(formProblems(form, ctx)).toEqual([]);
  });

  it('takes prices typed as a percentage of list and discounts as percent', () => {
    const ctx = teamContext(gameAtRound(1).state);
    let form = enterNumber(openForm(ctx), 'pricePm[1]', '95.5', ctx, 10);
    form = enterNumber(form, 'maxDiscountBp', '7.25', ctx, 100);
    expect(form.decisions.pricePm[1]).toBe(955);
    expect(form.decisions.maxDiscountBp).toBe(725);
    expect(formProblems(enterNumber(form, 'pricePm[0]', '95.55', ctx, 10), ctx)[0]!.key).toBe('form.whole-number');
    expect(formProblems(enterNumber(form, 'pricePm[0]', '40', ctx, 10), ctx)[0]).toMatchObject({ key: 'form.range', params: { min: 50, max: 200 } });
  });

  it('shows where key-account upgrades stand by the engine’s rule, and warns when the ask exceeds who qualifies', () => {
    const ctx = teamContext(gameAtRound(1).state);
    const c = ctx.scenario.coefficients.customers;
    const ti = ctx.market.territories.findIndex((x) => x.id === ctx.market.firms[ctx.firm]!.territories[0]);
    const rule = upgradeCandidates(ctx.market, c, ctx.firm, ti);
    let form = openForm(ctx);
    // Nothing developed yet: top customers, none qualified, the whole cap free, nothing asked.
    expect(upgradeOutlook(form, ctx, 0)).toEqual({
      candidates: rule.candidates.length,
      qualified: 0,
      progressPct: 0,
      neededPct: Math.ceil(c.upgradeStockMin / 10),
      room: c.maxUpgradedPerTerritory,
      cap: c.maxUpgradedPerTerritory,
      asked: 0,
      unqualified: 0,
      warning: 'none',
    });
    expect(rule.candidates.length).toBeGreaterThan(0);
    // Asking anyway is a valid plan, but the customer would be upgraded unqualified.
    form = enterNumber(form, 'territories[0].upgrades', '1', ctx);
    expect(formProblems(form, ctx)).toEqual([]);
    expect(upgradeOutlook(form, ctx, 0)).toMatchObject({ asked: 1, unqualified: 1, warning: 'unqualified' });
    // Once the territory is developed, satisfied top customers qualify and the warning goes.
    const market = structuredClone(ctx.market);
    (market.territories[ti]!.development as number[])[ctx.firm] = 1000;
    const developed = { ...ctx, market };
    const qualified = upgradeCandidates(market, c, ctx.firm, ti).qualified.length;
    expect(qualified).toBeGreaterThan(0);
    expect(upgradeOutlook(form, developed, 0)).toMatchObject({ qualified, progressPct: 100, unqualified: 0, warning: 'none' });
    // More than a round allows, or a negative number, is refused at the field.
    for (const bad of ['5', '-1']) {
      const out = enterNumber(form, 'territories[0].upgrades', bad, ctx);
      expect(out.decisions).toBe(form.decisions);
      expect(formProblems(out, ctx)).toEqual([{ path: 'territories[0].upgrades', key: 'form.range', params: { min: 0, max: c.maxUpgradesPerRound, value: bad } }]);
    }
  });
});

describe('negotiation room view', () => {
  it('lists the renewals of the round, shows the conversation, what was revealed and the moves that fit now', () => {
    const g = gameAtRound(3); // Linchuan Co-op's contract ends in round 3.
    const list = negotiableList(g.state, 'en');
    expect(list.map((a) => a.id)).toContain('linchuan-coop');
    expect(negotiationRoomView(g.state, 'linchuan-coop', 'en')).toBeNull();
    must(g.send({ type: 'StartNegotiation', team: TEAM_ID, account: 'linchuan-coop' }, NOW));
    let room = negotiationRoomView(g.state, 'linchuan-coop', 'en')!;
    expect(room.lines).toHaveLength(1);
    expect(room.moves.map((m) => m.kind)).not.toContain('accept-counter');
    expect(room.moves.map((m) => m.kind)).not.toContain('implication');
    must(g.send({ type: 'NegotiationMove', team: TEAM_ID, account: 'linchuan-coop', move: { kind: 'situation' } }, NOW));
    must(g.send({ type: 'NegotiationMove', team: TEAM_ID, account: 'linchuan-coop', move: { kind: 'quote', pricePm: 1000 } }, NOW));
    room = negotiationRoomView(g.state, 'linchuan-coop', 'en')!;
    expect(room.lines).toHaveLength(5);
    expect(room.lines[3]).toEqual({ speaker: 'seller', text: 'We propose 1,000 yuan a unit.' });
    expect(room.revealedWeights).toHaveLength(1);
    expect(room.offer.ask).toBe('1,000 yuan a unit');
    // A buyer that hardly knows us objects to the first quote: no counter, nothing to accept, until it is answered.
    expect(room.counterPm).toBe(0);
    expect(room.moves.map((m) => m.kind)).not.toContain('accept-counter');
    expect(room.moves.map((m) => m.kind)).toContain('redirect');
    // A discount answers it, badly: giving ground invites the buyer's second (and last) objection, which a second cut answers.
    must(g.send({ type: 'NegotiationMove', team: TEAM_ID, account: 'linchuan-coop', move: { kind: 'discount', bp: 500 } }, NOW));
    must(g.send({ type: 'NegotiationMove', team: TEAM_ID, account: 'linchuan-coop', move: { kind: 'discount', bp: 500 } }, NOW));
    room = negotiationRoomView(g.state, 'linchuan-coop', 'en')!;
    expect(room.counterPm).toBeGreaterThan(0);
    expect(room.moves.map((m) => m.kind)).toContain('accept-counter');
    must(g.send({ type: 'NegotiationMove', team: TEAM_ID, account: 'linchuan-coop', move: { kind: 'accept-counter' } }, NOW));
    room = negotiationRoomView(g.state, 'linchuan-coop', 'en')!;
    expect(room.over).toBe(true);
    expect(room.moves).toEqual([]);
    // A stranger bought off with two cuts, at a counter near cost: a deal, and a poor score for it.
    expect(room.score).toBeGreaterThanOrEqual(0);
    expect(room.score).toBeLessThan(30);
    expect(negotiableList(g.state, 'en').find((a) => a.id === 'linchuan-coop')!.status).toBe('deal');
    // A solo game holds the buyer's profile: the whole score and the money left show at once.
    expect(room.scorePartial).toBe(false);
    expect(room.review!.parts.map((p) => p.points)).not.toContain('shown in the debrief when the workshop ends');
    // A team's view in a running workshop does not: the reach into the buyer's range waits for the debrief.
    const seen = negotiationRoomView(playerState(g.state, { kind: 'team', team: TEAM_ID }), 'linchuan-coop', 'en')!;
    expect(seen.scorePartial).toBe(true);
    expect(seen.review!.parts.map((p) => p.points)).toContain('shown in the debrief when the workshop ends');
    expect(seen.review!.facts.join(' ')).not.toMatch(/money left on the table: ¥/);
  });
});

describe('results view', () => {
  it('shows the round’s headline, why, KPI lights with their band, the P&L, the funnel’s leakiest stage, team and rivals', () => {
    const g = gameAtRound(4);
    must(g.send({ type: 'CloseRound' }, NOW));
    const r = resultsView(g.state, 'zh-CN')!;
    expect(r.round).toBe(4);
    expect(r.headline.map((x) => x.label)).toEqual(['营收', '利润', '份额', '长尾客户', '满意度']);
    expect(r.kpis).toHaveLength(6);
    for (const k of r.kpis) expect(k.lights).toHaveLength(4);
    expect(r.pnl.at(-1)).toMatchObject({ label: '经营利润', total: true });
    expect(r.funnel.filter((s) => s.leakiest)).toHaveLength(1);
    expect(r.competitors.map((c) => c.name)).toContain('速购云');
    expect(r.competitors.find((c) => c.name === '速购云')!.moves[0]).toBe('进入市场');
    expect(r.why.length).toBeGreaterThan(0);
    for (const line of r.why) expect(line).not.toMatch(/\{|binjiang|linchuan/);
    expect(resultsView(g.state, 'zh-CN', 1)!.round).toBe(1);
    expect(resultsView(g.state, 'zh-CN', 9)).toBeNull();
  });

  it('names a key account grown out of the long tail after where it came from, not by its id', () => {
    const g = gameAtRound(1);
    const ctx = teamContext(g.state);
    const plan = openForm(ctx).decisions;
    must(g.send({ type: 'SubmitDecisions', team: TEAM_ID, decisions: { ...plan, territories: plan.territories.map((x) => ({ ...x, upgrades: 1 })) } }, NOW));
    must(g.send({ type: 'CloseRound' }, NOW));
    const upgraded = g.state.markets[0]!.accounts.filter((a) => a.upgradedRound === 1);
    expect(upgraded.length).toBeGreaterThan(0);
    const r = resultsView(g.state, 'zh-CN')!;
    const grown = r.accounts.filter((line) => line.includes('由长尾客户成长为'));
    expect(grown).toHaveLength(upgraded.length);
    expect(grown[0]).toMatch(/^滨江第 \d+ 号客户由长尾客户成长为我们的团队的大客户。$/);
    for (const line of [...r.accounts, ...r.why]) expect(line).not.toMatch(/-up\d/);
  });
});

describe('end view', () => {
  it('shows the four perspectives of the balanced scorecard and where the team stands', () => {
    const g = gameAtRound(2);
    must(g.send({ type: 'CloseRound' }, NOW));
    const e = endView(g.state, 'en');
    expect(e.perspectives.map((p) => p.name)).toEqual(['Financial', 'Customers', 'Internal process', 'Learning and growth']);
    expect(e.perspectives.flatMap((p) => p.metrics)).toHaveLength(10);
    expect(e.perspectives.find((p) => p.name === 'Internal process')!.metrics.map((m) => m.weight)).toEqual([10, 5]);
    expect(e.perspectives.flatMap((p) => p.metrics).reduce((n, m) => n + m.weight, 0)).toBe(100);
    expect(e.rank).toBeGreaterThanOrEqual(1);
    expect(e.rank).toBeLessThanOrEqual(e.firms);
    expect(e.standings.find((s) => s.ours)!.name).toBe('我们的团队');
    // Two rounds resolved of twelve: the end screen says the session ended early, not that the year is over.
    expect([e.played, e.rounds]).toEqual([2, 12]);
  });
});

describe('formatting', () => {
  it('counts money in 万 for Chinese readers and in yuan for English ones', () => {
    expect(formatMoney('zh-CN', 125_000)).toBe('12.5万元');
    expect(formatMoney('zh-TW', 9_800)).toBe('9,800元');
    expect(formatMoney('zh-CN', 2_090_0000)).toBe('2,090万元');
    expect(formatMoney('zh-CN', 209_000_000)).toBe('2.09亿元');
    expect(formatMoney('en', 125_000)).toBe('¥125,000');
    expect(formatMoney('en', -3_000)).toBe('−¥3,000');
    expect(formatBp('en', 1234)).toBe('12.3%');
  });

  it('gives every founding rep of a team a different name, in the reader’s script', () => {
    const names = Array.from({ length: 20 }, (_, i) => repName(`team-1-r${String(i + 1).padStart(2, '0')}`, 'zh-CN'));
    expect(new Set(names).size).toBe(20);
    expect(repName('team-1-r01', 'en')).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(repName('team-1-r01', 'zh-TW')).toMatch(/^[\u4e00-\u9fff]{2}$/);
  });
});
