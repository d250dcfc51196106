import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../engine/i18n/locale.ts';
import { t } from '../../../ui/i18n/t.ts';
import { reportHtml, sectionHeadings } from '../../../ui/report/reportHtml.ts';
import { debriefOf, playedSession, teamSession } from './debriefSessions.ts';

const session = debriefOf(teamSession('report-html'));

/** The words a reader sees: no style sheet, no tags, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Nothing reaches outside the file, and nothing needs script. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script|<link|<iframe|<img|@import|url\(/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
}

describe('reportHtml', () => {
  it.each(LOCALES)('writes the whole group\'s report in %s: every team, every section, self-contained', (locale) => {
    const html = reportHtml(session, locale, 'group');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<html lang="${locale}">`);
    expectSelfContained(html);
    const text = visibleText(html);
    for (const heading of sectionHeadings(locale, 'group')) expect(text, heading).toContain(heading);
    for (const team of session.state.teams) expect(text).toContain(team.name);
    expect(html.match(/<article class="team/g)).toHaveLength(3);
    expect(html.match(/<svg /g)!.length).toBeGreaterThan(10);
    // Every message was found: no key shown in place of a text, no placeholder left empty.
    expect(text).not.toMatch(/\b(report|why|cause|stage|metric|perspective|funnel|light|signal|framework|account-event|tier|results)\.[a-z][\w-]*/);
    expect(text).not.toMatch(/[{}]|\bundefined\b|\bNaN\b/);
  });

  it('writes one team\'s report: its own pages and the standings', () => {
    const html = reportHtml(session, 'zh-CN', { team: 't2' });
    expectSelfContained(html);
    const text = visibleText(html);
    for (const heading of sectionHeadings('zh-CN', { team: 't2' })) expect(text).toContain(heading);
    expect(html.match(/<article class="team/g)).toHaveLength(1);
    expect(html).toContain('id="team-t2"');
    expect(text).toContain(t('zh-CN', 'report.subtitle.team', { team: 'Two' }));
    expect(html).toContain('<tr class="ours">');
  });

  it('is the same file every time', () => {
    expect(reportHtml(session, 'en', 'group')).toBe(reportHtml(session, 'en', 'group'));
  });

  it('escapes what people typed: team names cannot inject markup', () => {
    const name = '<img src=x onerror=alert(1)>"&\'';
    const hostile = debriefOf(playedSession({ rounds: 2, teams: [{ id: 'h', name, firm: 'team-1' }, { id: 'b', name: 'Bots', firm: 'team-2', bot: 'balanced' }] }));
    for (const scope of ['group', { team: 'h' }] as const) {
      const html = reportHtml(hostile, 'en', scope);
      expectSelfContained(html);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&amp;&#39;');
    }
  });

  it('reports a session of a single round', () => {
    const one = debriefOf(playedSession({ rounds: 1, end: false, teams: [{ id: 'solo', name: 'Solo', firm: 'team-1' }] }));
    const html = reportHtml(one, 'zh-TW', 'group');
    expectSelfContained(html);
    expect(html).toContain('<circle');
    const text = visibleText(html);
    expect(text).toContain(t('zh-TW', 'report.status.running'));
    expect(text).toContain(t('zh-TW', 'report.swings.none'));
  });

  it('refuses a team the session does not have', () => {
    expect(() => reportHtml(session, 'en', { team: 'nobody' })).toThrow(/nobody/);
  });
});
