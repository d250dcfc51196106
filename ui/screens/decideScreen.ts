/**
 * The round's decisions: the region map beside a form in sections, the budget always in view,
 * the scenario's guide notes the first time a section is met, and a submit button that only
 * works once the plan is valid (saying what is still wrong, and where, until it is).
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import type { DecisionTopic } from '../../engine/model/scenario.ts';
import type { Decisions } from '../../engine/model/decisions.ts';
import { h, fill } from '../dom.ts';
import { t } from '../i18n/t.ts';
import type { GameView } from '../game/game.ts';
import { budgetView, openForm, type DecisionForm } from '../view/decisionForm.ts';
import { formatMoney } from '../view/format.ts';
import { negotiableList } from '../view/negotiationView.ts';
import { teamContext } from '../view/session.ts';
import { accountsSection, pricingSection, repsSection, SECTION_TOPICS, SECTIONS, sectionOf, teamSection, territoriesSection, type Section } from './decisionSections.ts';
import { FormBinding } from './formBinding.ts';
import { guideNotes } from './guideNotes.ts';

export interface DecideActions {
  submit(decisions: Decisions): void;
  negotiate(account: string): void;
  briefing(): void;
}

/**
 * What a host page adds: a workshop team page its submit label and a note above the form (who
 * submitted); the replay's what-if its own heading, since the plan edited is not the reader's.
 */
export interface DecideOptions {
  readonly heading?: string;
  readonly submitLabel?: string;
  readonly notice?: Node | null;
}

/** Plans being edited, by game and round: leaving for the negotiation room and coming back keeps them. */
const drafts = new Map<string, DecisionForm>();
let lastSection: Section = 'reps';

/** Forgets the plan being edited for a round, so the form opens on what the team submitted last. */
export function discardDraft(viewId: string, round: number): void {
  drafts.delete(`${viewId}/${round}`);
}

export function decideScreen(view: GameView, locale: Locale, mapPane: HTMLElement, actions: DecideActions, failure: string, options: DecideOptions = {}): HTMLElement {
  const ctx = teamContext(view.state, view.team);
  const key = `${view.id}/${view.state.round}`;
  const binding = new FormBinding(drafts.get(key) ?? openForm(ctx), ctx, locale, (form) => drafts.set(key, form));
  const scenario = ctx.scenario;
  const round = view.state.round;

  const spent = h('span', {});
  const left = h('strong', { 'data-testid': 'budget-remaining' });
  const budgetBox = h('div', { class: 'budget', role: 'status' }, spent, left, binding.slot('budget'));
  const showBudget = () => {
    const b = budgetView(binding.form, ctx);
    budgetBox.className = `budget${b.remaining < 0 ? ' over' : ''}`;
    spent.textContent = t(locale, 'form.budget-spent', { spent: formatMoney(locale, b.spent), budget: formatMoney(locale, b.budget) });
    left.textContent = t(locale, b.remaining < 0 ? 'form.budget-over' : 'form.budget-left', { amount: formatMoney(locale, Math.abs(b.remaining)) });
  };

  const summary = h('ul', { class: 'problems' });
  const submit = h('button', { type: 'button', class: 'primary', id: 'submit-decisions' }, options.submitLabel ?? t(locale, 'form.submit', { round }));
  submit.addEventListener('click', () => {
    if (binding.problems.length === 0) actions.submit(binding.form.decisions);
  });
  binding.onProblems((problems) => {
    showBudget();
    submit.disabled = problems.length > 0;
    submit.title = problems.length > 0 ? t(locale, 'form.fix-first', { count: problems.length }) : '';
    fill(
      summary,
      problems.map((p) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => {
                const section = sectionOf(p.path);
                if (section && section !== lastSection) open(section);
                binding.focus(p.path);
              },
            },
            t(locale, p.key, p.params),
          ),
        ),
      ),
    );
  });

  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t(locale, 'form.sections') });
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'decision-panel' });
  const open = (section: Section) => {
    lastSection = section;
    for (const b of tabs.querySelectorAll('button')) b.setAttribute('aria-selected', String(b.dataset.section === section));
    const notes = guideNotes(view.id, scenario, round, SECTION_TOPICS[section] as readonly DecisionTopic[], locale);
    binding.beginSection();
    fill(panel, notes, sectionBody(section));
    binding.refresh();
  };
  const sectionBody = (section: Section): HTMLElement => {
    switch (section) {
      case 'reps':
        return repsSection(binding);
      case 'territories':
        return territoriesSection(binding);
      case 'pricing':
        return pricingSection(binding);
      case 'team':
        return teamSection(binding);
      case 'accounts':
        return accountsSection(binding);
      case 'negotiation':
        return negotiationList(view, locale, actions);
    }
  };
  for (const section of SECTIONS) {
    const button = h('button', { type: 'button', role: 'tab', 'data-section': section, 'aria-controls': 'decision-panel' }, t(locale, `section.${section}`));
    button.addEventListener('click', () => open(section));
    button.addEventListener('keydown', (e) => {
      const i = SECTIONS.indexOf(section);
      const next = e.key === 'ArrowRight' ? SECTIONS[(i + 1) % SECTIONS.length] : e.key === 'ArrowLeft' ? SECTIONS[(i + SECTIONS.length - 1) % SECTIONS.length] : null;
      if (next) {
        open(next);
        tabs.querySelector<HTMLButtonElement>(`[data-section="${next}"]`)?.focus();
      }
    });
    tabs.append(button);
  }
  const negotiable = negotiableList(view.state, locale, view.team).length;
  if (negotiable > 0) tabs.querySelector('[data-section="negotiation"]')?.append(h('span', { class: 'badge' }, String(negotiable)));
  open(lastSection);

  return h(
    'div',
    { class: 'play', 'data-screen': 'decide' },
    h('div', { class: 'map-pane' }, mapPane),
    h(
      'div',
      { class: 'side-pane' },
      h(
        'div',
        { class: 'side-head' },
        h('h2', {}, options.heading ?? t(locale, 'decide.title', { round, rounds: scenario.rounds })),
        h('button', { type: 'button', class: 'link', onclick: () => actions.briefing() }, t(locale, 'decide.briefing')),
        budgetBox,
      ),
      options.notice ?? null,
      failure ? h('p', { class: 'error', role: 'alert' }, failure) : null,
      tabs,
      panel,
      h('div', { class: 'submit-bar' }, summary, submit),
    ),
  );
}

function negotiationList(view: GameView, locale: Locale, actions: DecideActions): HTMLElement {
  const list = negotiableList(view.state, locale, view.team);
  if (list.length === 0) return h('section', { class: 'form-section' }, h('p', { class: 'help' }, t(locale, 'negotiation.none-this-round')));
  return h(
    'section',
    { class: 'form-section' },
    h('p', { class: 'help' }, t(locale, 'negotiation.list-help')),
    h(
      'ul',
      { class: 'accounts' },
      list.map((a) =>
        h(
          'li',
          {},
          h('div', {}, h('strong', {}, a.name), h('small', {}, ` ${t(locale, 'negotiation.list-item', { volume: a.volume, supplier: a.supplier })}`)),
          h('span', { class: `status ${a.status}` }, t(locale, `negotiation.status-${a.status}`)),
          h('button', { type: 'button', 'data-account': a.id, onclick: () => actions.negotiate(a.id) }, t(locale, a.status === 'new' ? 'negotiation.open' : 'negotiation.continue')),
        ),
      ),
    ),
  );
}
