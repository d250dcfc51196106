/**
 * The sections of the decision form, one per area a sales manager decides: reps' time, the
 * territories (budget lines and KPI targets), prices, the team, key accounts and tools. Each is
 * built from the form's data and writes back through the binding.
 */
import { describePrice } from '../../engine/i18n/describe.ts';
import { servedCustomers } from '../../engine/model/budget.ts';
import { INCENTIVE_KINDS, SKILL_NAMES, type IncentiveKind, type SkillName } from '../../engine/model/state.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { accountName } from '../view/accountNames.ts';
import { enterExecutive, repLoads, setIncentive, setOperation, setRepTerritory, setTraining, targetGuides, budgetView, upgradeOutlook } from '../view/decisionForm.ts';
import { formatCount, formatMoney, formatPm } from '../view/format.ts';
import { suppliersLabel } from '../view/accountSplit.ts';
import { repName } from '../view/repNames.ts';
import type { FormBinding } from './formBinding.ts';

export const SECTIONS = ['reps', 'territories', 'pricing', 'team', 'accounts', 'negotiation'] as const;
export type Section = (typeof SECTIONS)[number];

/** The guide topics each section explains (the tutorial's notes). */
export const SECTION_TOPICS: Readonly<Record<Section, readonly string[]>> = {
  reps: ['allocation'],
  territories: ['targets', 'budget', 'automation'],
  pricing: ['pricing'],
  team: ['training', 'incentives', 'team-meetings'],
  accounts: ['operations', 'executive-contact', 'tools', 'market-intelligence'],
  negotiation: ['negotiation'],
};

/** The section a problem's path lives in, so the summary can take the trainee there. */
export function sectionOf(path: string): Section | null {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  if (head === 'reps') return 'reps';
  if (['territories', 'travel', 'contingency'].includes(head)) return 'territories';
  if (['pricePm', 'maxDiscountBp'].includes(head)) return 'pricing';
  if (['training', 'incentives', 'mediation', 'meetingHours'].includes(head)) return 'team';
  if (['executive', 'operations', 'toolkit', 'templates', 'marketIntelligence'].includes(head)) return 'accounts';
  return null;
}

const table = (head: readonly string[], rows: readonly HTMLElement[]) =>
  h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, rows));

export function repsSection(b: FormBinding): HTMLElement {
  const { locale, ctx } = b;
  const us = ctx.market.firms[ctx.firm]!;
  const territoryName = (id: string) => ctx.scenario.territories.find((x) => x.id === id)?.name[locale] ?? id;
  const rows = b.form.decisions.reps.map((plan, i) => {
    const rep = us.reps.find((r) => r.id === plan.rep)!;
    const name = repName(rep.id, locale);
    const select = h('select', { 'aria-label': t(locale, 'form.rep-territory', { rep: name }), 'data-path': `reps[${i}].territory` });
    for (const id of us.territories) select.add(new Option(territoryName(id), id, false, id === plan.territory));
    select.addEventListener('change', () => b.update(setRepTerritory(b.form, i, select.value)));
    const load = h('span', { class: 'load' });
    const showLoad = () => {
      const l = repLoads(b.form, ctx)[i]!;
      load.textContent = `${l.hours} / ${l.capacity}`;
      load.className = `load${l.hours > l.max ? ' over' : l.hours > l.capacity ? ' overtime' : ''}`;
      load.title = t(locale, l.hours > l.capacity ? 'form.overtime' : 'form.within-capacity', { max: l.max });
    };
    showLoad();
    b.onProblems(showLoad);
    const field = (key: 'prospecting' | 'accounts' | 'longTail' | 'development' | 'training') =>
      h('td', {}, b.number(`reps[${i}].${key}`, `${name} · ${t(locale, `form.hours.${key}`)}`, plan[key]));
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('div', {}, name), h('small', {}, `${t(locale, rep.senior ? 'rep.senior-short' : 'rep.junior-short')} · ${t(locale, 'rep.morale', { morale: rep.morale })}${rep.rampPm < 1000 ? ` · ${t(locale, 'rep.ramping', { pct: Math.round(rep.rampPm / 10) })}` : ''}`)),
      h('td', {}, select),
      field('prospecting'),
      field('accounts'),
      field('longTail'),
      field('development'),
      field('training'),
      h('td', {}, load, b.slot(`reps[${i}]`)),
    );
  });
  return h(
    'section',
    { class: 'form-section' },
    h('p', { class: 'help' }, t(locale, 'form.reps-help', { capacity: ctx.scenario.coefficients.effort.repCapacityHours })),
    table(
      [t(locale, 'form.rep'), t(locale, 'form.territory'), t(locale, 'form.hours.prospecting'), t(locale, 'form.hours.accounts'), t(locale, 'form.hours.longTail'), t(locale, 'form.hours.development'), t(locale, 'form.hours.training'), t(locale, 'form.load')],
      rows,
    ),
  );
}

export function territoriesSection(b: FormBinding): HTMLElement {
  const { locale, ctx } = b;
  const guides = targetGuides(ctx);
  const money = (y: number) => formatMoney(locale, y);
  const cost = ctx.scenario.coefficients.customers.automationYuanPerCustomer;
  const upgrade = ctx.scenario.coefficients.customers;
  const rows = b.form.decisions.territories.map((spend, i) => {
    const spec = ctx.scenario.territories.find((x) => x.id === spend.territory)!;
    const guide = guides.find((g) => g.territory === spend.territory)!;
    const ti = ctx.market.territories.findIndex((x) => x.id === spend.territory);
    const served = servedCustomers(ctx.market, ctx.firm, ti);
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('div', {}, spec.name[locale]), h('small', {}, `${t(locale, `tier.${spec.tier}`)} · ${t(locale, `territory-stage.${spec.stage}`)}`)),
      h('td', {}, b.number(`territories[${i}].promotion`, `${spec.name[locale]} · ${t(locale, 'form.promotion')}`, spend.promotion)),
      h('td', {}, b.number(`territories[${i}].channel`, `${spec.name[locale]} · ${t(locale, 'form.channel')}`, spend.channel)),
      h('td', {}, b.checkbox(`territories[${i}].automation`, t(locale, 'form.automation-on'), spend.automation, t(locale, 'form.automation-cost', { cost: money(served * cost), customers: served }))),
      h(
        'td',
        {},
        b.number(`territories[${i}].target`, `${spec.name[locale]} · ${t(locale, 'form.target')}`, spend.target),
        h('small', { class: 'guide-band' }, t(locale, 'form.target-guide', { baseline: money(guide.baseline), lower: money(guide.lower), upper: money(guide.upper) })),
      ),
      h('td', {}, b.number(`territories[${i}].upgrades`, `${spec.name[locale]} · ${t(locale, 'form.upgrades')}`, spend.upgrades, 1, { class: 'num count' }), upgradeNote(b, i)),
    );
  });
  const budget = budgetView(b.form, ctx);
  const travelNote = h('small', {}, t(locale, 'form.travel-needed', { amount: money(budget.travelNeeded) }));
  b.onProblems(() => (travelNote.textContent = t(locale, 'form.travel-needed', { amount: money(budgetView(b.form, ctx).travelNeeded) })));
  return h(
    'section',
    { class: 'form-section' },
    h(
      'p',
      { class: 'help' },
      t(locale, 'form.territories-help', {
        csat: upgrade.upgradeCsatMin,
        stock: Math.ceil(upgrade.upgradeStockMin / 10),
        perRound: upgrade.maxUpgradesPerRound,
        cap: upgrade.maxUpgradedPerTerritory,
      }),
    ),
    table([t(locale, 'form.territory'), t(locale, 'form.promotion'), t(locale, 'form.channel'), t(locale, 'form.automation'), t(locale, 'form.target'), t(locale, 'form.upgrades')], rows),
    h(
      'div',
      { class: 'inline-fields' },
      h('label', {}, t(locale, 'form.travel'), ' ', b.number('travel', t(locale, 'form.travel'), b.form.decisions.travel), ' ', travelNote),
      h('label', {}, t(locale, 'form.contingency'), ' ', b.number('contingency', t(locale, 'form.contingency'), b.form.decisions.contingency), ' ', h('small', {}, t(locale, 'form.contingency-help'))),
    ),
  );
}

/**
 * Under a territory's upgrades input: who qualifies now, how far development has come against
 * the threshold, the room under the cap, and a warning when the ask will not go as meant.
 */
function upgradeNote(b: FormBinding, i: number): HTMLElement {
  const { locale, ctx } = b;
  const qualified = h('span', {});
  const progress = h('span', {});
  const room = h('span', {});
  const warning = h('span', { class: 'upgrade-warning' });
  const note = h('small', { class: 'upgrade-note', 'data-for': `territories[${i}].upgrades` }, qualified, progress, room, warning);
  const show = () => {
    const o = upgradeOutlook(b.form, ctx, i);
    qualified.textContent = o.candidates > 0 ? t(locale, 'form.upgrades-qualified', { qualified: o.qualified, candidates: o.candidates }) : t(locale, 'form.upgrades-no-top');
    progress.textContent = t(locale, 'form.upgrades-progress', { progress: o.progressPct, needed: o.neededPct });
    room.textContent = t(locale, 'form.upgrades-room', { room: o.room });
    warning.textContent = o.warning === 'none' ? '' : t(locale, `form.upgrade-warning.${o.warning}`, { count: o.unqualified, cap: o.cap });
  };
  b.onProblems(show);
  return note;
}

export function pricingSection(b: FormBinding): HTMLElement {
  const { locale, ctx } = b;
  const list = ctx.scenario.product.listPrice;
  const tiers = [1, 2, 3] as const;
  const rivals = ctx.market.firms
    .map((f, fi) => ({ f, fi }))
    .filter(({ f, fi }) => fi !== ctx.firm && f.active)
    .map(({ f, fi }) => `${ctx.scenario.firms[fi]!.name[locale]}: ${f.pricePm.map((p) => formatPm(locale, p, 0)).join(' / ')}`);
  const yuan = tiers.map((tier) => h('small', {}, describePrice(b.form.decisions.pricePm[tier - 1]!, list, locale)));
  b.onProblems(() => tiers.forEach((tier) => (yuan[tier - 1]!.textContent = describePrice(b.form.decisions.pricePm[tier - 1]!, list, locale))));
  return h(
    'section',
    { class: 'form-section' },
    h('p', { class: 'help' }, t(locale, 'form.pricing-help', { list: formatMoney(locale, list), cost: formatMoney(locale, ctx.scenario.product.unitCost) })),
    h(
      'div',
      { class: 'inline-fields' },
      tiers.map((tier) =>
        h('label', {}, t(locale, `tier.${tier}`), ' ', b.number(`pricePm[${tier - 1}]`, `${t(locale, `tier.${tier}`)} · ${t(locale, 'form.price-pct')}`, b.form.decisions.pricePm[tier - 1]!, 10), ' % ', yuan[tier - 1]),
      ),
    ),
    h('label', { class: 'block' }, t(locale, 'form.max-discount'), ' ', b.number('maxDiscountBp', t(locale, 'form.max-discount'), b.form.decisions.maxDiscountBp, 100), ' %'),
    h('p', { class: 'help' }, t(locale, 'form.rival-prices'), h('br'), rivals.join(' · ')),
  );
}

export function teamSection(b: FormBinding): HTMLElement {
  const { locale, ctx } = b;
  const us = ctx.market.firms[ctx.firm]!;
  const c = ctx.scenario.coefficients.team;
  const rows = us.reps.map((rep) => {
    const name = repName(rep.id, locale);
    const plan = b.form.decisions.training.find((x) => x.rep === rep.id);
    const skill = h('select', { 'aria-label': t(locale, 'form.training-for', { rep: name }) });
    skill.add(new Option(t(locale, 'form.none'), ''));
    for (const s of SKILL_NAMES) skill.add(new Option(`${t(locale, `skill.${s}`)} (${rep.skills[s]})`, s, false, plan?.skill === s));
    const coaching = h('input', { type: 'checkbox', 'aria-label': t(locale, 'form.coaching-for', { rep: name }), checked: plan?.coaching ?? false });
    const sync = () => b.update(setTraining(b.form, rep.id, skill.value as SkillName | '', coaching.checked));
    skill.addEventListener('change', sync);
    coaching.addEventListener('change', sync);
    const grant = b.form.decisions.incentives.find((x) => x.rep === rep.id);
    const incentive = h('select', { 'aria-label': t(locale, 'form.incentive-for', { rep: name }) });
    incentive.add(new Option(t(locale, 'form.none'), ''));
    for (const k of INCENTIVE_KINDS) incentive.add(new Option(t(locale, `incentive.${k}`), k, false, grant?.kind === k));
    incentive.addEventListener('change', () => b.update(setIncentive(b.form, rep.id, incentive.value as IncentiveKind | '')));
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, h('div', {}, name), h('small', {}, `${t(locale, rep.senior ? 'rep.senior-short' : 'rep.junior-short')} · ${t(locale, 'rep.morale', { morale: rep.morale })} · ${t(locale, 'rep.attainment', { pct: rep.quota > 0 ? Math.round((rep.attained / rep.quota) * 100) : 0 })}`)),
      h('td', {}, skill),
      h('td', {}, h('label', { class: 'check' }, coaching, ` ${t(locale, 'form.coaching')}`)),
      h('td', {}, incentive),
    );
  });
  const whole = b.form.decisions.incentives.find((x) => x.rep === '*');
  const teamIncentive = h('select', { id: 'team-incentive' });
  teamIncentive.add(new Option(t(locale, 'form.none'), ''));
  for (const k of INCENTIVE_KINDS) teamIncentive.add(new Option(t(locale, `incentive.${k}`), k, false, whole?.kind === k));
  teamIncentive.addEventListener('change', () => b.update(setIncentive(b.form, '*', teamIncentive.value as IncentiveKind | '')));
  const meanMorale = us.reps.length ? Math.round(us.reps.reduce((n, r) => n + r.morale, 0) / us.reps.length) : 0;
  return h(
    'section',
    { class: 'form-section' },
    h('p', { class: 'help' }, t(locale, 'form.team-help', { morale: meanMorale, conflict: us.conflict, training: formatMoney(locale, c.trainingCostYuan), incentive: formatMoney(locale, c.incentiveCostYuan) })),
    table([t(locale, 'form.rep'), t(locale, 'form.training'), t(locale, 'form.coaching'), t(locale, 'form.incentive')], rows),
    h('div', { class: 'inline-fields' }, h('label', { for: 'team-incentive' }, t(locale, 'form.team-incentive')), ' ', teamIncentive),
    h(
      'div',
      { class: 'inline-fields' },
      b.checkbox('mediation', t(locale, 'form.mediation'), b.form.decisions.mediation, t(locale, 'form.mediation-cost', { cost: formatMoney(locale, c.mediationCostYuan) })),
      h('label', {}, t(locale, 'form.meeting-hours'), ' ', b.number('meetingHours', t(locale, 'form.meeting-hours'), b.form.decisions.meetingHours)),
    ),
  );
}

export function accountsSection(b: FormBinding): HTMLElement {
  const { locale, ctx } = b;
  const f = ctx.scenario.coefficients.finance;
  const ours = ctx.market.accounts.filter((a) => a.supplier === ctx.firm);
  const mine = new Set(ctx.market.firms[ctx.firm]!.territories);
  const nameOf = (id: string) => accountName(ctx.scenario, id, locale);
  const rows = ctx.market.accounts
    .filter((a) => mine.has(a.territory))
    .map((a) => {
      const op = b.form.decisions.operations.find((x) => x.account === a.id);
      const priority = h('select', { 'aria-label': t(locale, 'form.priority-for', { account: nameOf(a.id) }), disabled: a.supplier !== ctx.firm });
      priority.add(new Option(t(locale, 'form.none'), ''));
      for (const p of ['P1', 'P2'] as const) priority.add(new Option(p, p, false, op?.priority === p));
      priority.addEventListener('change', () => b.update(setOperation(b.form, a.id, priority.value as 'P1' | 'P2' | '')));
      const hours = b.form.decisions.executive.find((x) => x.account === a.id)?.hours ?? 0;
      const exec = h('input', { type: 'text', inputmode: 'numeric', class: 'num', value: String(hours), 'aria-label': t(locale, 'form.executive-for', { account: nameOf(a.id) }), 'data-path': `executive:${a.id}` });
      exec.addEventListener('input', () => b.update(enterExecutive(b.form, a.id, exec.value, ctx)));
      const supplier = suppliersLabel(locale, a, (fi) => (fi >= 0 ? ctx.scenario.firms[fi]!.name[locale] : '—'));
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, h('div', {}, nameOf(a.id)), h('small', {}, `${supplier} · ${t(locale, 'form.contract-end', { round: a.contractEnd })} · CSAT ${a.csat}`)),
        h('td', {}, formatCount(locale, a.volume)),
        h('td', {}, priority),
        h('td', {}, h('span', { class: 'field' }, exec, b.slot(`executive:${a.id}`))),
      );
    });
  return h(
    'section',
    { class: 'form-section' },
    h('p', { class: 'help' }, t(locale, 'form.accounts-help', { ours: ours.length })),
    table([t(locale, 'form.account'), t(locale, 'form.volume'), t(locale, 'form.operations'), t(locale, 'form.executive')], rows),
    b.slot('executive'),
    h(
      'div',
      { class: 'inline-fields' },
      b.checkbox('toolkit', t(locale, 'form.toolkit'), b.form.decisions.toolkit, formatMoney(locale, f.toolkitYuan)),
      b.checkbox('templates', t(locale, 'form.templates'), b.form.decisions.templates, formatMoney(locale, f.templatesYuan)),
      b.checkbox('marketIntelligence', t(locale, 'form.market-intelligence'), b.form.decisions.marketIntelligence, formatMoney(locale, f.marketIntelligenceYuan)),
    ),
  );
}
