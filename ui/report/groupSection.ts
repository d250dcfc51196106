import type { KpiLight } from '../../engine/model/outcome.ts';
import { t } from '../i18n/t.ts';
import { formatBp, formatMoney, signed } from '../view/format.ts';
import { splitParams } from '../view/accountSplit.ts';
import { barChart, kpiGrid, lineChart } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { figure, list, numeric, p, section, table, type Html } from './html.ts';
import type { ReportNames } from './names.ts';
import type { GroupFigures, TeamFigures } from './reportModel.ts';
import { grownLine, roundLabels, teamLabel } from './teamSection.ts';
import { explanationText, say } from './wording.ts';

/** The sections comparing the teams, in order; each has a heading `report.group.<id>`. */
export const GROUP_SECTIONS = ['standings', 'scorecard', 'kpis', 'share', 'morale', 'funnel', 'accounts', 'swings', 'moments'] as const;

const LOSS_STAGES = ['qualification', 'proposal', 'negotiation', 'closing'] as const;
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The light most of a team's territories showed in a week (a tie goes to the worse light). */
export function weekLight(lights: readonly (KpiLight | null)[]): KpiLight | null {
  const count = (l: KpiLight) => lights.filter((x) => x === l).length;
  const ranked = (['red', 'yellow', 'green'] as const).map((l) => ({ l, n: count(l) })).sort((a, b) => b.n - a.n);
  return ranked[0]!.n > 0 ? ranked[0]!.l : null;
}

function weeklyLights(team: TeamFigures): (KpiLight | null)[] {
  return team.rounds.flatMap((_, ri) => [0, 1, 2, 3].map((w) => weekLight(team.territories.map((x) => x.kpis[ri]?.lights[w] ?? null))));
}

function standingsPart(group: GroupFigures, names: ReportNames, linked: boolean, ours = ''): Html {
  const l = names.locale;
  const head = ['report.col.rank', 'report.col.team', 'report.col.total', 'report.col.revenue', 'report.col.profit', 'report.col.share', 'report.col.green', 'report.col.morale', 'report.col.leavers'].map((k) => t(l, k));
  const rows = group.standings.map((id, i) => {
    const team = group.teams.find((x) => x.team.id === id)!;
    const green = sum(team.kpis.map((k) => k.green));
    const weeks = sum(team.kpis.map((k) => k.weeks));
    const label = escapeHtml(teamLabel(team, names));
    return [
      numeric(String(i + 1)),
      linked ? `<a href="#team-${escapeHtml(id)}">${label}</a>` : label,
      numeric(String(team.final.total)),
      numeric(formatMoney(l, sum(team.revenue))),
      numeric(formatMoney(l, sum(team.profit))),
      numeric(formatBp(l, team.shareBp.at(-1) ?? 0)),
      numeric(weeks > 0 ? `${Math.round((green / weeks) * 100)}%` : '—'),
      numeric(String(team.morale.at(-1) ?? 0)),
      numeric(String(sum(team.leavers.map((x) => x.length)))),
    ];
  });
  return section('group-standings', t(l, 'report.group.standings'), '', table(head, rows, '', [group.standings.indexOf(ours)]));
}

function chartsParts(group: GroupFigures, names: ReportNames): Html[] {
  const l = names.locale;
  const categories = roundLabels(group.rounds, names);
  const teamSeries = (values: (team: TeamFigures) => readonly number[]) => group.teams.map((team) => ({ name: team.team.name, values: values(team) }));
  const scorecard = lineChart({ title: t(l, 'report.group.scorecard'), empty: t(l, 'report.empty'), categories, yMin: 0, yMax: 120, series: teamSeries((x) => x.scores.map((s) => s.total)) });
  const kpis = kpiGrid({
    title: t(l, 'report.group.kpis'),
    empty: t(l, 'report.empty'),
    rows: group.teams.map((team) => ({ label: team.team.name, lights: weeklyLights(team) })),
    groups: categories.map((label) => ({ label, span: 4 })),
    legend: { green: t(l, 'light.green'), yellow: t(l, 'light.yellow'), red: t(l, 'light.red'), none: t(l, 'report.light.none') },
  });
  const share = lineChart({
    title: t(l, 'report.group.share'),
    empty: t(l, 'report.empty'),
    categories,
    yMin: 'auto',
    format: (n) => `${Math.round(n * 10) / 10}%`,
    series: teamSeries((x) => x.shareBp.map((bp) => bp / 100)),
  });
  const morale = lineChart({
    title: t(l, 'report.group.morale'),
    empty: t(l, 'report.empty'),
    categories,
    yMin: 0,
    yMax: 100,
    series: teamSeries((x) => x.morale),
    guide: { value: 50, label: t(l, 'report.morale.guide') },
  });
  const funnel = barChart({
    title: t(l, 'report.group.funnel'),
    empty: t(l, 'report.empty'),
    categories: LOSS_STAGES.map((s) => t(l, `stage.${s}`)),
    format: (n) => `${Math.round(n)}%`,
    series: group.teams.map((team) => ({ name: team.team.name, values: team.funnel.lossRates.map((r) => r * 100) })),
  });
  const lost = [0, 1, 2, 3].map((k) => sum(group.teams.map((x) => x.funnel.lostAt[k]!)));
  const entered = [0, 1, 2, 3].map((k) => sum(group.teams.map((x) => x.funnel.counts[k]!)));
  const rates = lost.map((x, k) => (entered[k]! > 0 ? x / entered[k]! : 0));
  const leak = [1, 2, 3].sort((a, b) => rates[b]! - rates[a]! || a - b)[0]!;
  const leakNote = rates[leak]! > 0 ? say({ key: 'report.group.funnel-leak', params: { stage: { lossStage: leak }, ratio: { ratio: rates[leak]! } } }, names) : t(l, 'report.funnel.no-leak');
  return [
    section('group-scorecard', t(l, 'report.group.scorecard'), t(l, 'report.group.lead.scorecard'), figure(scorecard)),
    section('group-kpis', t(l, 'report.group.kpis'), t(l, 'report.group.lead.kpis'), figure(kpis)),
    section('group-share', t(l, 'report.group.share'), t(l, 'report.group.lead.share'), figure(share)),
    section('group-morale', t(l, 'report.group.morale'), t(l, 'report.group.lead.morale'), figure(morale)),
    section('group-funnel', t(l, 'report.group.funnel'), t(l, 'report.group.lead.funnel'), figure(funnel) + p(leakNote)),
  ];
}

function accountsPart(group: GroupFigures, names: ReportNames): Html {
  const l = names.locale;
  const rows = group.teams
    .flatMap((team) => team.accounts.filter((a) => a.effect !== 'grown').map((a) => ({ team, a })))
    .sort((x, y) => x.a.round - y.a.round || group.teams.indexOf(x.team) - group.teams.indexOf(y.team))
    .map(({ team, a }) => {
      const firm = (i: number) => (i >= 0 ? names.firm(team.market, i) : '—');
      return [
        numeric(String(a.round)),
        escapeHtml(team.team.name),
        `<span class="effect-${a.effect}">${escapeHtml(t(l, `report.effect.${a.effect}`))}</span>`,
        escapeHtml(t(l, `account-event.${a.event}`, { account: names.account(a.account), from: firm(a.from), to: firm(a.to), ...splitParams(l, a.split, firm) })),
      ];
    });
  const head = [t(l, 'report.col.round'), t(l, 'report.col.team'), '', t(l, 'report.col.event')];
  const grown = group.teams.map((team) => {
    const line = grownLine(team, names);
    return line ? `<h4>${escapeHtml(team.team.name)}</h4>${line}` : '';
  });
  return section('group-accounts', t(l, 'report.group.accounts'), '', rows.length ? table(head, rows) : p(t(l, 'report.accounts.none'), 'none'), grown.join(''));
}

function swingsPart(group: GroupFigures, names: ReportNames): Html {
  const l = names.locale;
  // A shock is explained again every round it lasts: one line for it, with the rounds it ran.
  const spans = new Map<string, { text: string; from: number; to: number }>();
  for (const h of group.state.history) {
    h.forEach((o, m) => {
      for (const e of o.explanations.filter((x) => x.firm === -1)) {
        const text = explanationText(e, m, names);
        const span = spans.get(text);
        if (span) span.to = Math.max(span.to, o.round);
        else spans.set(text, { text, from: o.round, to: o.round });
      }
    });
  }
  const shocks = [...spans.values()]
    .sort((a, b) => a.from - b.from || (a.text < b.text ? -1 : 1))
    .map((x) => (x.from === x.to ? t(l, 'report.group.shock-round', { round: x.from, text: x.text }) : t(l, 'report.group.shock-rounds', { from: x.from, to: x.to, text: x.text })));
  const teams = group.teams.map((team) => {
    const top = [...team.swings].sort((a, b) => Math.abs(b.revenueDelta) - Math.abs(a.revenueDelta))[0];
    if (!top) return `<div class="swing"><h4>${escapeHtml(team.team.name)}</h4>${p(t(l, 'report.swings.none'), 'none')}</div>`;
    const head = t(l, 'report.group.team-swing', {
      team: team.team.name,
      round: top.round,
      revenue: signed(formatMoney(l, Math.abs(top.revenueDelta)), top.revenueDelta),
      share: signed((Math.abs(top.shareDelta) / 100).toFixed(1), top.shareDelta),
    });
    const causes = top.causes.filter((e) => e.firm !== -1).slice(0, 3).map((e) => explanationText(e, team.market, names));
    return `<div class="swing"><h4>${escapeHtml(head)}</h4>${causes.length ? list(causes) : p(t(l, 'report.swing.no-causes'), 'none')}</div>`;
  });
  return section(
    'group-swings',
    t(l, 'report.group.swings'),
    t(l, 'report.group.lead.swings'),
    `<h4>${escapeHtml(t(l, 'report.group.shocks'))}</h4>`,
    shocks.length ? list(shocks) : p(t(l, 'report.group.no-shocks'), 'none'),
    teams.join(''),
  );
}

function momentsPart(group: GroupFigures, names: ReportNames): Html {
  const l = names.locale;
  const items = group.scenario.debrief
    .map((prompt) => ({
      prompt,
      teams: group.teams.flatMap((team) => team.moments.filter((m) => m.prompt.id === prompt.id).map((m) => t(l, 'report.group.team-round', { team: team.team.name, round: m.round }))),
    }))
    .filter((x) => x.teams.length > 0)
    .map(
      (x) =>
        `<li><span class="when">${escapeHtml(t(l, `framework.${x.prompt.framework}`))}</span>${escapeHtml(x.prompt.prompt[l])}<span class="when">${escapeHtml(
          t(l, 'report.group.moment-teams', { teams: x.teams.join(l === 'en' ? '; ' : '；') }),
        )}</span></li>`,
    );
  return section('group-moments', t(l, 'report.group.moments'), t(l, 'report.group.lead.moments'), items.length ? `<ol class="moments">${items.join('')}</ol>` : p(t(l, 'report.moments.none'), 'none'));
}

/** The pages comparing every team, before the teams' own debriefs. */
export function groupSection(group: GroupFigures, names: ReportNames): Html {
  const l = names.locale;
  return `<section class="group" id="group"><h2>${escapeHtml(t(l, 'report.group.title'))}</h2>${[
    standingsPart(group, names, true),
    ...chartsParts(group, names),
    accountsPart(group, names),
    swingsPart(group, names),
    momentsPart(group, names),
  ].join('')}</section>`;
}

/** The standings alone, for a single team's report: where the team stands among the others. */
export function standingsTable(group: GroupFigures, names: ReportNames, team: string): Html {
  return standingsPart(group, names, false, team);
}
