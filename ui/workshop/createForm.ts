/**
 * The facilitator's form for a new workshop: scenario, seed, mode, teams and their names, AI
 * teams for the empty slots, the round clock and the session's language. Each problem is said
 * next to its field; the server's refusal, if any, too.
 */
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import { DEFAULT_SCENARIO_ID } from '../../scenarios/library.ts';
import { h, fill, markInvalid } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { LOCALE_NAMES } from '../screens/startScreen.ts';
import { defaultTeamNames, maxTeams, validateCreate, workshopScenarios, type CreateMessage, type CreateProblem, type SessionMode } from '../view/createSession.ts';

export interface CreateActions {
  /** Sends the message; resolves with a refusal to show (text and field), or null once created. */
  create(message: CreateMessage): Promise<{ field: string; text: string } | null>;
}

export function createForm(locale: Locale, actions: CreateActions): HTMLElement {
  const scenarios = workshopScenarios();
  const errors = new Map<string, HTMLElement>();
  const errorSlot = (field: string) => {
    const el = h('span', { class: 'field-error', role: 'alert', 'data-for': field });
    errors.set(field, el);
    return el;
  };
  const field = (id: string, label: string, input: HTMLElement, help?: string | HTMLElement) =>
    h('div', { class: 'field-row' }, h('label', { for: id }, label), input, typeof help === 'string' ? h('small', { class: 'help' }, help) : (help ?? null), errorSlot(id.replace(/^ws-/, '')));

  const scenario = h('select', { id: 'ws-scenario' });
  for (const s of scenarios) scenario.add(new Option(s.title[locale], s.id, false, s.id === DEFAULT_SCENARIO_ID));
  const slotsHelp = h('small', { class: 'help' });
  const seed = h('input', { id: 'ws-seed', type: 'text', autocomplete: 'off', maxlength: 80, placeholder: t(locale, 'workshop.create.seed-placeholder') });
  const modes = h(
    'fieldset',
    { class: 'choice', id: 'ws-mode' },
    h('legend', {}, t(locale, 'workshop.create.mode')),
    (['shared', 'parallel'] as const).map((m) =>
      h('label', { class: 'check' }, h('input', { type: 'radio', name: 'ws-mode', value: m, checked: m === 'shared' }), ' ', h('strong', {}, t(locale, `workshop.mode.${m}`)), h('small', { class: 'help' }, ` ${t(locale, `workshop.mode.${m}-help`)}`)),
    ),
  );
  const count = h('input', { id: 'ws-team-count', type: 'text', inputmode: 'numeric', class: 'num', value: '2', autocomplete: 'off' });
  const names = h('ol', { class: 'team-names' });
  let typed = defaultTeamNames(locale, 2);
  const fillAi = h('input', { id: 'ws-fill-ai', type: 'checkbox', checked: true });
  const aiHelp = h('small', { class: 'help', id: 'ws-ai-help' });
  const minutes = h('input', { id: 'ws-minutes', type: 'text', inputmode: 'decimal', class: 'num', value: '20', autocomplete: 'off' });
  const language = h('select', { id: 'ws-locale' });
  for (const l of LOCALES) language.add(new Option(LOCALE_NAMES[l], l, false, l === locale));
  const general = h('p', { class: 'field-error', role: 'alert', id: 'ws-create-error' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'ws-create' }, t(locale, 'workshop.create.submit'));

  const mode = (): SessionMode => (modes.querySelector<HTMLInputElement>('input:checked')?.value as SessionMode) ?? 'shared';
  const slots = () => scenarios.find((s) => s.id === scenario.value)?.slots ?? 1;

  const showNames = () => {
    fill(
      names,
      typed.map((name, i) => {
        const input = h('input', { type: 'text', id: `ws-team-${i}`, value: name, maxlength: 60, 'aria-label': t(locale, 'workshop.create.team-name', { n: i + 1 }) });
        input.addEventListener('input', () => (typed[i] = input.value));
        return h('li', {}, input, errorSlot(`team-${i}`));
      }),
    );
  };
  const refresh = () => {
    const most = maxTeams(mode(), slots());
    slotsHelp.textContent = t(locale, 'workshop.create.slots', { slots: slots() });
    fillAi.disabled = mode() !== 'shared';
    const ai = mode() === 'shared' && fillAi.checked ? Math.max(0, slots() - typed.length) : 0;
    aiHelp.textContent = mode() !== 'shared' ? t(locale, 'workshop.create.ai-parallel') : t(locale, 'workshop.create.ai-count', { count: ai });
    count.setAttribute('aria-describedby', 'ws-ai-help');
    errors.get('team-count')!.textContent = typed.length > most ? t(locale, 'workshop.create.team-count', { min: 1, max: most }) : '';
  };
  count.addEventListener('input', () => {
    const n = Number(count.value.trim());
    const most = maxTeams(mode(), slots());
    if (!/^\d+$/.test(count.value.trim()) || n < 1 || n > most) {
      errors.get('team-count')!.textContent = t(locale, 'workshop.create.team-count', { min: 1, max: most });
      markInvalid(count, true);
      return;
    }
    markInvalid(count, false);
    typed = [...typed.slice(0, n), ...defaultTeamNames(locale, n).slice(typed.length)];
    showNames();
    refresh();
  });
  scenario.addEventListener('change', refresh);
  modes.addEventListener('change', refresh);
  fillAi.addEventListener('change', refresh);

  const show = (problems: readonly { field: string; text: string }[]) => {
    for (const el of errors.values()) el.textContent = '';
    general.textContent = '';
    for (const p of problems) {
      const slot = errors.get(p.field === 'teams' ? 'team-count' : p.field) ?? general;
      slot.textContent = p.text;
    }
    for (const input of form.querySelectorAll('input, select')) {
      const id = input.id.replace(/^ws-/, '');
      markInvalid(input, problems.some((p) => p.field === id || (p.field === 'teams' && id === 'team-count')));
    }
  };

  const form = h(
    'form',
    { class: 'card ws-create', id: 'ws-create-form', novalidate: true },
    h('h2', {}, t(locale, 'workshop.create.title')),
    h('p', { class: 'help' }, t(locale, 'workshop.create.lead')),
    field('ws-scenario', t(locale, 'start.scenario'), scenario, slotsHelp),
    field('ws-seed', t(locale, 'workshop.create.seed'), seed, t(locale, 'workshop.create.seed-help')),
    modes,
    field('ws-team-count', t(locale, 'workshop.create.team-count-label'), count),
    h('div', { class: 'field-row' }, h('span', { class: 'label' }, t(locale, 'workshop.create.team-names')), names),
    h('div', { class: 'field-row' }, h('label', { class: 'check', for: 'ws-fill-ai' }, fillAi, ' ', t(locale, 'workshop.create.fill-ai')), aiHelp),
    field('ws-minutes', t(locale, 'workshop.create.minutes'), minutes, t(locale, 'workshop.create.minutes-help')),
    field('ws-locale', t(locale, 'workshop.create.locale'), language, t(locale, 'workshop.create.locale-help')),
    general,
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    const result = validateCreate({
      scenario: scenario.value,
      seed: seed.value,
      mode: mode(),
      teamNames: typed,
      fillWithAi: fillAi.checked,
      roundMinutes: minutes.value,
      locale: language.value as Locale,
    });
    if (!result.ok) return show(result.problems.map((p: CreateProblem) => ({ field: p.field, text: t(locale, p.key, p.params) })));
    show([]);
    submit.disabled = true;
    submit.textContent = t(locale, 'workshop.create.creating');
    void actions.create(result.message).then((refused) => {
      submit.disabled = false;
      submit.textContent = t(locale, 'workshop.create.submit');
      if (refused) show([refused]);
    });
  });
  showNames();
  refresh();
  return form;
}
