import type { Locale } from '../../engine/i18n/locale.ts';
import { t } from '../i18n/t.ts';
import { escapeHtml } from './escape.ts';
import { GROUP_SECTIONS, groupSection, standingsTable } from './groupSection.ts';
import { reportNames } from './names.ts';
import { groupFigures } from './reportModel.ts';
import { REPORT_CSS } from './reportStyle.ts';
import type { DebriefSession } from './sessionLog.ts';
import { TEAM_SECTIONS, teamLabel, teamSection } from './teamSection.ts';

export { GROUP_SECTIONS, TEAM_SECTIONS };

/** Whose report: one team's (by its session id), or the whole group's (every team, compared first). */
export type ReportScope = { readonly team: string } | 'group';

/** The heading of every section a report of this scope holds, in the report's language. */
export function sectionHeadings(locale: Locale, scope: ReportScope): string[] {
  const team = TEAM_SECTIONS.map((id) => t(locale, `report.section.${id}`));
  return scope === 'group' ? [...GROUP_SECTIONS.map((id) => t(locale, `report.group.${id}`)), ...team] : [t(locale, 'report.group.standings'), ...team];
}

/**
 * The debrief report as one self-contained HTML document: inline style and SVG charts, no
 * script, no external resource, laid out to print on A4. A pure function of the session, so
 * the CLI and the browser's replay viewer write the same file. Throws on an unknown team:
 * callers check the id against `session.state.teams` first.
 */
export function reportHtml(session: DebriefSession, locale: Locale, scope: ReportScope): string {
  const { state } = session;
  const scenario = state.scenario!;
  const names = reportNames(state, locale);
  const group = groupFigures(session);
  const teams = scope === 'group' ? group.teams : group.teams.filter((x) => x.team.id === scope.team);
  if (teams.length === 0) throw new Error(`no team "${scope === 'group' ? '' : scope.team}" in this session`);
  const l = locale;
  const subtitle = scope === 'group' ? t(l, 'report.subtitle.group', { teams: group.teams.length }) : t(l, 'report.subtitle.team', { team: teamLabel(teams[0]!, names) });
  const meta: [string, string][] = [
    [t(l, 'report.meta.scenario'), scenario.title[l]],
    [t(l, 'report.meta.rounds'), t(l, 'report.meta.rounds-value', { played: state.history.length, rounds: scenario.rounds })],
    [t(l, 'report.meta.mode'), t(l, `report.mode.${state.mode}`)],
    [t(l, 'report.meta.teams'), group.teams.map((x) => x.team.name).join(l === 'en' ? ', ' : '、')],
    [t(l, 'report.meta.status'), t(l, state.status === 'ended' ? 'report.status.ended' : 'report.status.running')],
    [t(l, 'report.meta.log'), t(l, 'report.meta.log-value', { count: session.count, head: session.head.slice(0, 16) })],
  ];
  const contents =
    scope === 'group'
      ? `<nav class="contents"><h4>${escapeHtml(t(l, 'report.contents'))}</h4><ol><li><a href="#group">${escapeHtml(t(l, 'report.group.title'))}</a></li>${group.teams
          .map((x) => `<li><a href="#team-${escapeHtml(x.team.id)}">${escapeHtml(teamLabel(x, names))}</a></li>`)
          .join('')}</ol></nav>`
      : '';
  const cover = `<header class="cover"><h1>${escapeHtml(t(l, 'report.title'))}</h1><p class="subtitle">${escapeHtml(subtitle)}</p><dl class="meta">${meta
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl><p class="lead">${escapeHtml(t(l, scope === 'group' ? 'report.intro.group' : 'report.intro.team'))}</p>${contents}</header>`;
  const body =
    scope === 'group'
      ? `${groupSection(group, names)}${teams.map((x) => teamSection(group, x, names, false)).join('')}`
      : `${standingsTable(group, names, teams[0]!.team.id)}${teamSection(group, teams[0]!, names, true)}`;
  const title = `${t(l, 'report.title')} · ${subtitle}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(l)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head>`,
    `<body>${cover}${body}<footer>${escapeHtml(t(l, 'report.footer', { head: session.head }))}</footer></body>`,
    '</html>',
    '',
  ].join('\n');
}
