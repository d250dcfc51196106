import { describe, expect, it } from 'vitest';
import { groupFigures } from '../../../ui/report/reportModel.ts';
import { sessionFromEvents } from '../../../ui/report/sessionLog.ts';
import { teamSection } from '../../../ui/report/teamSection.ts';
import { reportNames } from '../../../ui/report/names.ts';
import { dealSession } from '../../support/dealSession.ts';

describe('the debrief report’s negotiations', () => {
  it('lists each negotiation with its score part by part, what was given and got, and the money left on the table', () => {
    const { s, account } = dealSession();
    const opened = sessionFromEvents(s.header, s.log.events, s.log.headHash);
    if (!opened.ok) throw new Error(opened.code);
    const group = groupFigures(opened.session);
    const t1 = group.teams.find((x) => x.team.id === 't1')!;
    expect(t1.negotiations.map((n) => n.account)).toEqual([account.id]);
    for (const locale of ['en', 'zh-CN'] as const) {
      const html = teamSection(group, t1, reportNames(group.state, locale), true);
      expect(html).toContain(locale === 'en' ? 'Key-account negotiations' : '大客户谈判');
      expect(html).toContain(locale === 'en' ? 'margin kept' : '保住的毛利');
      // The session is over, so the buyer's range is public: reach is scored and the money left is named.
      expect(html).not.toContain(locale === 'en' ? 'shown in the debrief when the workshop ends' : '工作坊结束后在复盘中显示');
      expect(html).toMatch(locale === 'en' ? /money left on the table: (none|¥)/ : /留在桌上的钱：(没有|每件)/);
    }
    const other = group.teams.find((x) => x.team.id !== 't1')!;
    expect(teamSection(group, other, reportNames(group.state, 'en'), false)).toContain('negotiated with no key account');
  });
});
