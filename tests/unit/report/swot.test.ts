import { describe, expect, it } from 'vitest';
import { groupFigures } from '../../../ui/report/reportModel.ts';
import { swot, SWOT_ITEMS } from '../../../ui/report/swot.ts';
import { debriefOf, playedSession, teamSession } from './debriefSessions.ts';
import { expectSayable } from './phrases.ts';

const session = debriefOf(teamSession('report-swot'));
const group = groupFigures(session);

describe('swot', () => {
  it('fills four quadrants of at most four items, each readable in every language', () => {
    for (const team of group.teams) {
      const s = swot(group, team);
      for (const quadrant of [s.strengths, s.weaknesses, s.opportunities, s.threats]) {
        expect(quadrant.length).toBeLessThanOrEqual(SWOT_ITEMS);
        for (const p of quadrant) expectSayable(p, session.state);
      }
      expect(s.strengths.length + s.weaknesses.length + s.opportunities.length + s.threats.length).toBeGreaterThan(0);
    }
  });

  it('compares the scorecard with the other teams: a metric is a strength or a weakness, never both', () => {
    for (const team of group.teams) {
      const s = swot(group, team);
      const metrics = (items: typeof s.strengths) => items.filter((p) => p.key.startsWith('report.swot.metric-')).map((p) => JSON.stringify(p.params?.metric));
      for (const m of metrics(s.strengths)) expect(metrics(s.weaknesses)).not.toContain(m);
      for (const p of [...s.strengths, ...s.weaknesses].filter((x) => x.key.startsWith('report.swot.metric-'))) expect(p.params).toHaveProperty('peers');
    }
  });

  it('names a rival\'s lower price only for a tier where the two sell side by side', () => {
    const market = session.state.markets[0]!;
    for (const team of group.teams) {
      for (const p of swot(group, team).threats.filter((x) => x.key === 'report.swot.rival-price')) {
        const rival = (p.params!.rival as { firm: number }).firm;
        const tier = (p.params!.tier as { tier: number }).tier;
        const shared = market.territories.filter((t) => t.tier === tier && market.firms[rival]!.territories.includes(t.id) && team.territories.some((x) => x.id === t.id));
        expect(shared.length).toBeGreaterThan(0);
      }
    }
  });

  it('rates a team alone on the scores themselves', () => {
    const alone = debriefOf(playedSession({ rounds: 2, teams: [{ id: 'solo', name: 'Solo', firm: 'team-1' }] }));
    const g = groupFigures(alone);
    const s = swot(g, g.teams[0]!);
    for (const p of [...s.strengths, ...s.weaknesses].filter((x) => x.key.startsWith('report.swot.metric-'))) expect(p.key).toMatch(/-alone$/);
    for (const p of [...s.strengths, ...s.weaknesses, ...s.opportunities, ...s.threats]) expectSayable(p, alone.state);
  });
});
