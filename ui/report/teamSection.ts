import type { KpiLight } from '../../engine/model/outcome.ts';
import { t } from '../i18n/t.ts';
import { formatBp, formatCount, formatMoney, signed } from '../view/format.ts';
import { splitParams } from '../view/accountSplit.ts';
import { barChart, funnelChart, kpiGrid, lineChart } from './charts.ts';
import { escapeHtml } from './escape.ts';
import { fiveWhys, peersOf } from './fiveWhys.ts';
import { blankLines, figure, list, numeric, p, section, table, type Html } from './html.ts';
import type { ReportNames } from './names.ts';
import { pdcaPlan } from './pdca.ts';
import { FUNNEL_STAGES, PERSPECTIVES, type GroupFigures, type TeamFigures } from './reportModel.ts';
import { swot } from './swot.ts';
import { explanationText, say } from './wording.ts';
import { describePrice } from '../../engine/i18n/describe.ts';
import { negotiationScore } from '../../engine/negotiation/score.ts';
import { reviewView } from '../view/negotiationView.ts';

/** The sections of a team's debrief, in order; each has a heading `report.section.<id>`. */
export const TEAM_SECTIONS = ['scorecard', 'kpis', 'funnel', 'share', 'morale', 'accounts', 'swings', 'moments', 'five-whys', 'swot', 'pdca'] as const;
export type TeamSectionId = (typeof TEAM_SECTIONS)[number];

const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

/** What the report calls a team: its name, and the bot that played it if any. */
export function teamLabel(team: TeamFigures, names: ReportNames): string {
  const { name, bot } = team.team;
  return bot && bot !== name ? t(names.locale, 'report.bot-team', { team: name, bot }) : name;
}

export function roundLabels(rounds: readonly number[], names: ReportNames): string[] {
  return rounds.map((round) => t(names.locale, 'report.round-short', { round }));
}

function scorecardPart(group: GroupFigures, team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const chart = lineChart({
    title: t(l, 'report.section.scorecard'),
    empty: t(l, 'report.empty'),
    categories: roundLabels(team.rounds, names),
    yMin: 0,
    yMax: 120,
    series: [
      ...PERSPECTIVES.map(([id]) => ({ name: t(l, `perspective.${id}`), values: team.scores.map((s) => s.perspectives[id]) })),
      { name: t(l, 'report.scorecard.total'), values: team.scores.map((s) => s.total), emphasis: true, dashed: true },
    ],
  });
  const peers = peersOf(group, team);
  const rank = group.standings.indexOf(team.team.id) + 1;
  const head = [t(l, 'report.col.perspective'), t(l, 'report.col.metric'), t(l, 'report.col.weight'), t(l, 'report.col.score'), ...(peers.length ? [t(l, 'report.col.peers')] : [])];
  const rows = PERSPECTIVES.flatMap(([pid, ids]) =>
    ids.map((id, i) => {
      const m = team.final.metrics.find((x) => x.id === id)!;
      const others = mean(peers.map((pf) => pf.final.metrics.find((x) => x.id === id)?.score ?? 0));
      return [i === 0 ? escapeHtml(t(l, `perspective.${pid}`)) : '', escapeHtml(t(l, `metric.${id}`)), numeric(String(m.weight)), numeric(String(m.score)), ...(peers.length ? [numeric(String(Math.round(others)))] : [])];
    }),
  );
  return section(
    `${team.team.id}-scorecard`,
    t(l, 'report.section.scorecard'),
    t(l, 'report.lead.scorecard'),
    figure(chart) + p(t(l, 'report.scorecard.rank', { total: team.final.total, rank, teams: group.teams.length })),
    table(head, rows),
  );
}

function kpiPart(team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const grid = kpiGrid({
    title: t(l, 'report.section.kpis'),
    empty: t(l, 'report.empty'),
    rows: team.territories.map((x) => ({ label: names.territory(x.id), lights: x.kpis.flatMap((k): (KpiLight | null)[] => k?.lights.slice() ?? [null, null, null, null]) })),
    groups: roundLabels(team.rounds, names).map((label) => ({ label, span: 4 })),
    legend: { green: t(l, 'light.green'), yellow: t(l, 'light.yellow'), red: t(l, 'light.red'), none: t(l, 'report.light.none') },
  });
  const rows = team.kpis.map((k) => [
    escapeHtml(names.territory(k.territory)),
    numeric(formatMoney(l, k.target)),
    numeric(formatMoney(l, k.revenue)),
    numeric(pct(k.attainment)),
    numeric(`${k.green} / ${k.yellow} / ${k.red}`),
  ]);
  const head = [t(l, 'report.col.territory'), t(l, 'report.col.target'), t(l, 'report.col.revenue'), t(l, 'report.col.attainment'), t(l, 'report.col.lights')];
  return section(`${team.team.id}-kpis`, t(l, 'report.section.kpis'), t(l, 'report.lead.kpis'), figure(grid), rows.length ? table(head, rows) : '');
}

function funnelPart(group: GroupFigures, team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const f = team.funnel;
  const chart = funnelChart({
    title: t(l, 'report.section.funnel'),
    empty: t(l, 'report.empty'),
    stages: FUNNEL_STAGES.map((stage, i) => ({
      label: t(l, `funnel.${stage}`),
      count: f.counts[i]!,
      countText: formatCount(l, Math.round(f.counts[i]!)),
      lostText: i < 4 ? t(l, 'report.funnel.lost', { lost: formatCount(l, Math.round(f.lostAt[i]!)), ratio: pct(f.lossRates[i]!) }) : '',
    })),
    leakiest: f.leakiest,
    leakLabel: t(l, 'report.funnel.leak-label'),
  });
  const peers = peersOf(group, team);
  const k = f.leakiest;
  const note =
    k < 0
      ? t(l, 'report.funnel.no-leak')
      : say(
          {
            key: peers.length ? 'report.funnel.leak' : 'report.funnel.leak-alone',
            params: { stage: { lossStage: k }, ours: { ratio: f.lossRates[k]! }, peers: { ratio: mean(peers.map((x) => x.funnel.lossRates[k]!)) } },
          },
          names,
        );
  return section(`${team.team.id}-funnel`, t(l, 'report.section.funnel'), t(l, 'report.lead.funnel'), figure(chart) + p(note));
}

function sharePart(team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const chart = lineChart({
    title: t(l, 'report.section.share'),
    empty: t(l, 'report.empty'),
    categories: roundLabels(team.rounds, names),
    yMin: 'auto',
    format: (n) => `${Math.round(n * 10) / 10}%`,
    series: [
      ...team.territories.map((x) => ({ name: names.territory(x.id), values: x.shareBp.map((bp) => bp / 100) })),
      { name: t(l, 'report.share.overall'), values: team.shareBp.map((bp) => bp / 100), emphasis: true, dashed: true },
    ],
  });
  return section(`${team.team.id}-share`, t(l, 'report.section.share'), t(l, 'report.lead.share'), figure(chart));
}

function moralePart(team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const categories = roundLabels(team.rounds, names);
  const morale = lineChart({
    title: t(l, 'report.morale.series'),
    empty: t(l, 'report.empty'),
    categories,
    yMin: 0,
    yMax: 100,
    height: 180,
    series: [{ name: t(l, 'report.morale.series'), values: team.morale, emphasis: true }],
    guide: { value: 50, label: t(l, 'report.morale.guide') },
  });
  const people = barChart({
    title: `${t(l, 'report.morale.leavers')} / ${t(l, 'report.morale.hires')}`,
    empty: t(l, 'report.empty'),
    categories,
    height: 120,
    integer: true,
    series: [
      { name: t(l, 'report.morale.leavers'), values: team.leavers.map((x) => x.length) },
      { name: t(l, 'report.morale.hires'), values: team.hires },
    ],
  });
  const left = team.rounds
    .map((round, i) => ({ round, names: team.leavers[i]! }))
    .filter((x) => x.names.length > 0)
    .map((x) => t(l, 'report.morale.left', { round: x.round, names: x.names.map((id) => names.rep(id)).join(l === 'en' ? ', ' : '、') }));
  return section(`${team.team.id}-morale`, t(l, 'report.section.morale'), t(l, 'report.lead.morale'), figure(morale), figure(people), left.length ? list(left) : p(t(l, 'report.morale.no-leavers'), 'none'));
}

/** How many long-tail customers grew into key accounts, and in which rounds: one line instead of a row each. */
export function grownLine(team: TeamFigures, names: ReportNames): Html {
  const grown = team.accounts.filter((a) => a.effect === 'grown');
  if (grown.length === 0) return '';
  const rounds = [...new Set(grown.map((a) => a.round))].join(names.locale === 'en' ? ', ' : '、');
  return p(t(names.locale, 'report.accounts.grown', { count: grown.length, rounds }));
}

function accountsPart(team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const firm = (i: number) => (i >= 0 ? names.firm(team.market, i) : '—');
  const rows = team.accounts.filter((a) => a.effect !== 'grown').map((a) => [
    numeric(String(a.round)),
    escapeHtml(names.account(a.account)),
    `<span class="effect-${a.effect}">${escapeHtml(t(l, `report.effect.${a.effect}`))}</span>`,
    escapeHtml(t(l, `account-event.${a.event}`, { account: names.account(a.account), from: firm(a.from), to: firm(a.to), ...splitParams(l, a.split, firm) })),
  ]);
  const head = [t(l, 'report.col.round'), t(l, 'report.col.account'), '', t(l, 'report.col.event')];
  return section(`${team.team.id}-accounts`, t(l, 'report.section.accounts'), t(l, 'report.lead.accounts'), rows.length ? table(head, rows) : p(t(l, 'report.accounts.none'), 'none'), grownLine(team, names));
}

/** Each negotiation the team played: the outcome, the score part by part, what was given and got, and the money left on the table. */
function negotiationsPart(team: TeamFigures, names: ReportNames, listPrice: number): Html {
  const l = names.locale;
  const items = team.negotiations.map((n) => {
    const c = n.negotiation.context;
    const outcome = c.outcome === 'deal' ? t(l, 'report.negotiation.deal', { price: describePrice(c.dealPricePm, listPrice, l) }) : t(l, 'report.negotiation.no-deal');
    const head = t(l, 'report.negotiation.head', { round: n.round, account: names.account(n.account), outcome, score: negotiationScore(c) });
    const review = reviewView(c, l, listPrice, c.terms.volume);
    const parts = table(
      [t(l, 'report.col.part'), t(l, 'report.col.points')],
      review.parts.map((x) => [escapeHtml(x.label), escapeHtml(x.points)]),
    );
    return `<div class="negotiation"><h4>${escapeHtml(head)}</h4>${parts}${list(review.facts)}</div>`;
  });
  return section(`${team.team.id}-negotiations`, t(l, 'report.section.negotiations'), t(l, 'report.lead.negotiations'), items.length ? items.join('') : p(t(l, 'report.negotiations.none'), 'none'));
}

function swingsPart(team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const items = team.swings.map((s) => {
    const head = t(l, 'report.swing.head', {
      round: s.round,
      revenue: signed(formatMoney(l, Math.abs(s.revenueDelta)), s.revenueDelta),
      share: signed((Math.abs(s.shareDelta) / 100).toFixed(1), s.shareDelta),
    });
    const causes = s.causes.slice(0, 4).map((e) => explanationText(e, team.market, names));
    return `<div class="swing"><h4>${escapeHtml(head)}</h4>${causes.length ? list(causes) : p(t(l, 'report.swing.no-causes'), 'none')}</div>`;
  });
  return section(`${team.team.id}-swings`, t(l, 'report.section.swings'), t(l, 'report.lead.swings'), items.length ? items.join('') : p(t(l, 'report.swings.none'), 'none'));
}

function momentsPart(team: TeamFigures, names: ReportNames): Html {
  const l = names.locale;
  const items = team.moments.map(
    (m) =>
      `<li><span class="when">${escapeHtml(t(l, 'report.moment.when', { round: m.round, framework: t(l, `framework.${m.prompt.framework}`) }))}</span>${escapeHtml(m.prompt.prompt[l])}${blankLines(1)}</li>`,
  );
  return section(`${team.team.id}-moments`, t(l, 'report.section.moments'), t(l, 'report.lead.moments'), items.length ? `<ol class="moments">${items.join('')}</ol>` : p(t(l, 'report.moments.none'), 'none'));
}

function toolsParts(group: GroupFigures, team: TeamFigures, names: ReportNames): Html[] {
  const l = names.locale;
  const whys = fiveWhys(group, team);
  const steps = whys.steps.map(
    (s) =>
      `<li><p class="why-q"><span class="label">${escapeHtml(t(l, 'report.why.label'))}</span>${escapeHtml(say(s.question, names))}</p><p class="why-a"><span class="label">${escapeHtml(t(l, 'report.because.label'))}</span>${escapeHtml(say(s.answer, names))}</p></li>`,
  );
  const whysHtml = whys.steps.length
    ? `<ol class="whys">${steps.join('')}</ol>${whys.root ? p(t(l, 'report.why.root', { root: say(whys.root, names) }), 'root') : ''}<h4>${escapeHtml(t(l, 'report.why.own'))}</h4>${blankLines(2)}`
    : p(t(l, 'report.why.none'), 'none');

  const s = swot(group, team);
  const quadrant = (cls: string, key: string, items: readonly { key: string }[]) =>
    `<div class="quad ${cls}"><h4>${escapeHtml(t(l, `report.swot.${key}`))}</h4>${items.length ? list(items.map((x) => say(x, names))) : p(t(l, 'report.swot.none'), 'none')}</div>`;
  const swotHtml = `<div class="grid2">${quadrant('s', 'strengths', s.strengths)}${quadrant('w', 'weaknesses', s.weaknesses)}${quadrant('o', 'opportunities', s.opportunities)}${quadrant('t', 'threats', s.threats)}</div>`;

  const plan = pdcaPlan(team, whys);
  const box = (cls: string, key: string, body: string) => `<div class="quad ${cls}"><h4>${escapeHtml(t(l, `report.pdca.${key}`))}</h4>${body}</div>`;
  const planBody = [
    p(say(plan.target, names)),
    plan.cause ? p(t(l, 'report.pdca.cause', { cause: say(plan.cause, names) })) : '',
    `<ul class="smart">${plan.smart.map((x) => `<li>${escapeHtml(say(x, names))}${blankLines(1)}</li>`).join('')}</ul>`,
  ].join('');
  const doBody = `${p(t(l, 'report.pdca.do-lead'))}${table([t(l, 'report.col.action'), t(l, 'report.col.owner'), t(l, 'report.col.by-when')], Array.from({ length: plan.doLines }, () => ['', '', '']), 'fill')}`;
  const checkBody = `${list(plan.check.map((x) => say(x, names)))}${blankLines(plan.blankLines)}`;
  const actBody = plan.act.map((x) => `${p(say(x, names))}${blankLines(plan.blankLines)}`).join('');
  const pdcaHtml = `<div class="grid2">${box('o', 'plan', planBody)}${box('s', 'do', doBody)}${box('t', 'check', checkBody)}${box('w', 'act', actBody)}</div>`;

  return [
    section(`${team.team.id}-five-whys`, t(l, 'report.section.five-whys'), t(l, 'report.lead.five-whys'), whysHtml),
    section(`${team.team.id}-swot`, t(l, 'report.section.swot'), '', swotHtml),
    section(`${team.team.id}-pdca`, t(l, 'report.section.pdca'), t(l, 'report.lead.pdca'), pdcaHtml),
  ];
}

/** A team's whole debrief: an article that starts a new printed page (unless it is the first). */
export function teamSection(group: GroupFigures, team: TeamFigures, names: ReportNames, first: boolean): Html {
  const l = names.locale;
  const rank = group.standings.indexOf(team.team.id) + 1;
  const head = `<div class="team-head"><h2>${escapeHtml(teamLabel(team, names))}</h2><span class="total">${escapeHtml(
    `${t(l, 'report.col.total')} ${team.final.total} · ${t(l, 'report.col.rank')} ${rank}/${group.teams.length} · ${t(l, 'report.col.share')} ${formatBp(l, team.shareBp.at(-1) ?? 0)}`,
  )}</span></div>`;
  return `<article class="team${first ? ' first' : ''}" id="team-${escapeHtml(team.team.id)}">${head}${[
    scorecardPart(group, team, names),
    kpiPart(team, names),
    funnelPart(group, team, names),
    sharePart(team, names),
    moralePart(team, names),
    accountsPart(team, names),
    negotiationsPart(team, names, group.scenario.product.listPrice),
    swingsPart(team, names),
    momentsPart(team, names),
    ...toolsParts(group, team, names),
  ].join('')}</article>`;
}
