import { describe, expect, it } from 'vitest';
import { fiveWhys, worstKpi } from '../../../ui/report/fiveWhys.ts';
import { pdcaPlan } from '../../../ui/report/pdca.ts';
import { groupFigures, type GroupFigures, type KpiSummary, type TeamFigures } from '../../../ui/report/reportModel.ts';
import { debriefOf, teamSession } from './debriefSessions.ts';
import { expectSayable, isFigure } from './phrases.ts';

const session = debriefOf(teamSession('report-whys'));
const group = groupFigures(session);

const kpi = (territory: string, red: number, attainment: number): KpiSummary => ({
  territory,
  revenue: attainment * 1000,
  target: 1000,
  baseline: 1000,
  attainment,
  green: 16 - red,
  yellow: 0,
  red,
  weeks: 16,
  lastTarget: 250,
});

/** The group with one team's figures changed (and, optionally, everyone else's). */
function withTeam(id: string, change: (t: TeamFigures) => TeamFigures, others: (t: TeamFigures) => TeamFigures = (t) => t): { group: GroupFigures; team: TeamFigures } {
  const teams = group.teams.map((t) => (t.team.id === id ? change(t) : others(t)));
  return { group: { ...group, teams }, team: teams.find((t) => t.team.id === id)! };
}

describe('worstKpi', () => {
  it('takes the territory with most red weeks, then the lowest revenue against target', () => {
    const team = { kpis: [kpi('a', 2, 0.9), kpi('b', 5, 0.95), kpi('c', 5, 0.8), kpi('d', 0, 0.5)] } as unknown as TeamFigures;
    expect(worstKpi(team)?.territory).toBe('c');
    expect(worstKpi({ kpis: [kpi('a', 0, 1.1), kpi('b', 0, 1.02)] } as unknown as TeamFigures)?.territory).toBe('b');
    expect(worstKpi({ kpis: [] } as unknown as TeamFigures)).toBeNull();
  });
});

describe('fiveWhys', () => {
  it('asks five whys about the worst KPI, each answered with a figure from the log', () => {
    for (const team of group.teams) {
      const whys = fiveWhys(group, team);
      expect(whys.kpi?.territory).toBe(worstKpi(team)!.territory);
      expect(whys.steps).toHaveLength(5);
      expect(whys.steps[0]!.question.params?.territory).toEqual({ territory: whys.kpi!.territory });
      for (const step of whys.steps) {
        expect(Object.values(step.answer.params ?? {}).some(isFigure), step.answer.key).toBe(true);
        expectSayable(step.question, session.state);
        expectSayable(step.answer, session.state);
      }
      expect(whys.root).not.toBeNull();
      expectSayable(whys.root!, session.state);
    }
  });

  it('blames a fall in share, naming the rival who gained, when share fell in that territory', () => {
    const worst = worstKpi(group.teams[0]!)!.territory;
    const { group: g, team } = withTeam('t1', (t) => ({ ...t, territories: t.territories.map((x) => (x.id === worst ? { ...x, shareBp: [1600, 1500, 1350, 1200] } : x)) }));
    const step = fiveWhys(g, team).steps[1]!;
    expect(['report.why.share-fell', 'report.why.share-fell-plain']).toContain(step.answer.key);
    expect(step.answer.params?.from).toEqual({ bp: 1600 });
    expect(step.answer.params?.to).toEqual({ bp: 1200 });
  });

  it('ends at incentives when the team paid far less of them than the others and nothing else went wrong', () => {
    const { group: g, team } = withTeam(
      't1',
      (t) => ({ ...t, morale: t.morale.map(() => 80), leavers: t.leavers.map(() => []), conflict: t.conflict.map(() => 10), spend: { ...t.spend, incentives: 0, training: 50_000 } }),
      (t) => ({ ...t, spend: { ...t.spend, incentives: 60_000, training: 50_000 } }),
    );
    const whys = fiveWhys(g, team);
    expect(whys.steps[4]!.answer.key).toBe('report.why.incentives');
    expect(whys.root?.key).toBe('report.root.incentives');
  });

  it('says the team held up when nothing in how it was run stands out', () => {
    const same = (t: TeamFigures) => ({ ...t, morale: t.morale.map(() => 80), leavers: t.leavers.map(() => []), conflict: t.conflict.map(() => 10), spend: { ...t.spend, incentives: 10_000, training: 10_000 } });
    const { group: g, team } = withTeam('t1', same, same);
    const whys = fiveWhys(g, team);
    expect(whys.steps[4]!.answer.key).toBe('report.why.team-ok');
    expect(whys.root?.key).toBe('report.root.plan');
  });

  it('has nothing to ask of a team without KPIs', () => {
    const { group: g, team } = withTeam('t1', (t) => ({ ...t, kpis: [] }));
    expect(fiveWhys(g, team)).toEqual({ kpi: null, steps: [], root: null });
    expect(pdcaPlan(team, fiveWhys(g, team)).target.key).toBe('report.pdca.target-none');
  });
});

describe('pdcaPlan', () => {
  it('takes the worst KPI as the target and the 5 Whys root as the cause, with lines left to fill in', () => {
    const team = group.teams[0]!;
    const whys = fiveWhys(group, team);
    const plan = pdcaPlan(team, whys);
    expect(plan.target.key).toBe('report.pdca.target');
    expect(plan.target.params?.territory).toEqual({ territory: whys.kpi!.territory });
    expect(plan.target.params?.target).toEqual({ money: whys.kpi!.lastTarget });
    expect(plan.cause).toEqual(whys.root);
    expect(plan.smart).toHaveLength(5);
    expect(plan.check.map((c) => c.key)).toContain('report.pdca.check-lights');
    expect(plan.doLines).toBeGreaterThan(0);
    for (const p of [plan.target, ...plan.smart, ...plan.check, ...plan.act]) expectSayable(p, session.state);
  });
});
