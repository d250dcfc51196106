/**
 * Injecting a shock into the open round: start from one of the scenario's own shocks or from
 * nothing, adjust kind, territory, strength, duration, publicity and the title in the three
 * languages; the draft is checked as the engine will check it, each problem at its field, and
 * the server's refusal, if any, below the button.
 */
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import type { ShockSpec } from '../../engine/model/scenario.ts';
import type { SessionState } from '../../engine/session/state.ts';
import { h, fill, markInvalid } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { LOCALE_NAMES } from '../screens/startScreen.ts';
import { draftFrom, emptyDraft, magnitudeMatters, maxMagnitude, SHOCK_KINDS, shockFromDraft, type ShockDraft } from '../view/shockDraft.ts';

export interface ShockActions {
  /** Sends the shock; resolves with the refusal's text, or null when it is in. */
  inject(shock: ShockSpec): Promise<string | null>;
}

export class ShockPanel {
  readonly el: HTMLElement;
  private readonly errors = new Map<string, HTMLElement>();
  private readonly injected = h('ul', { class: 'injected', id: 'injected-shocks' });
  private readonly closedNote: HTMLElement;
  private readonly button: HTMLButtonElement;
  private readonly general = h('p', { class: 'field-error', role: 'alert', id: 'shock-error' });
  private readonly done = h('p', { class: 'ok-note', role: 'status', id: 'shock-done' });
  private state: SessionState;
  private busy = false;

  constructor(
    state: SessionState,
    private readonly locale: Locale,
    private readonly actions: ShockActions,
  ) {
    this.state = state;
    const scenario = state.scenario!;
    const l = locale;
    const slot = (field: string) => {
      const el = h('span', { class: 'field-error', role: 'alert', 'data-for': field });
      this.errors.set(field, el);
      return el;
    };
    const template = h('select', { id: 'shock-template' });
    template.add(new Option(t(l, 'workshop.shock.custom'), ''));
    for (const s of scenario.shocks) template.add(new Option(t(l, 'workshop.shock.template', { title: s.title[l], round: s.round }), s.id));
    const kind = h('select', { id: 'shock-kind' });
    for (const k of SHOCK_KINDS) kind.add(new Option(t(l, `workshop.shock-kind.${k}`), k));
    const territory = h('select', { id: 'shock-territory' });
    territory.add(new Option(t(l, 'workshop.shock.whole-region'), ''));
    for (const x of scenario.territories) territory.add(new Option(x.name[l], x.id));
    const magnitude = h('input', { id: 'shock-magnitude', type: 'text', inputmode: 'numeric', class: 'num', autocomplete: 'off' });
    const magnitudeHelp = h('small', { class: 'help' });
    const duration = h('input', { id: 'shock-duration', type: 'text', inputmode: 'numeric', class: 'num', autocomplete: 'off' });
    const signalled = h('input', { id: 'shock-signalled', type: 'checkbox' });
    const titles = Object.fromEntries(LOCALES.map((x) => [x, h('input', { id: `shock-title-${x}`, type: 'text', maxlength: 240, autocomplete: 'off', lang: x })])) as Record<Locale, HTMLInputElement>;

    const read = (): ShockDraft => ({
      template: template.value,
      kind: kind.value,
      territory: territory.value,
      magnitudePm: magnitude.value,
      duration: duration.value,
      signalled: signalled.checked,
      title: Object.fromEntries(LOCALES.map((x) => [x, titles[x].value])) as Record<Locale, string>,
    });
    const write = (d: ShockDraft) => {
      kind.value = d.kind;
      territory.value = d.territory;
      magnitude.value = d.magnitudePm;
      duration.value = d.duration;
      signalled.checked = d.signalled;
      for (const x of LOCALES) titles[x].value = d.title[x];
      explain();
    };
    const explain = () => {
      magnitudeHelp.textContent = t(l, `workshop.shock-magnitude.${kind.value}`, { max: maxMagnitude(kind.value) });
      magnitude.disabled = !magnitudeMatters(kind.value);
    };
    template.addEventListener('change', () => {
      const spec = this.state.scenario!.shocks.find((s) => s.id === template.value);
      write(spec ? draftFrom(spec) : { ...emptyDraft(), template: '' });
      this.show([]);
    });
    kind.addEventListener('change', explain);

    const row = (id: string, label: string, input: HTMLElement, ...extra: (HTMLElement | null)[]) =>
      h('div', { class: 'field-row' }, h('label', { for: id }, label), input, ...extra, slot(id.replace(/^shock-/, '')));
    this.button = h('button', { type: 'submit', class: 'primary', id: 'inject-shock' }, t(l, 'workshop.shock.inject'));
    this.closedNote = h('p', { class: 'help', id: 'shock-closed' }, t(l, 'workshop.shock.closed'));
    const form = h(
      'form',
      { class: 'shock-form', novalidate: true },
      row('shock-template', t(l, 'workshop.shock.start-from'), template),
      h(
        'div',
        { class: 'shock-grid' },
        row('shock-kind', t(l, 'workshop.shock.kind'), kind),
        row('shock-territory', t(l, 'workshop.shock.territory'), territory),
        row('shock-magnitude', t(l, 'workshop.shock.magnitude'), magnitude, magnitudeHelp),
        row('shock-duration', t(l, 'workshop.shock.duration'), duration, h('small', { class: 'help' }, t(l, 'workshop.shock.duration-help'))),
      ),
      h('div', { class: 'field-row' }, h('label', { class: 'check', for: 'shock-signalled' }, signalled, ' ', t(l, 'workshop.shock.signalled')), h('small', { class: 'help' }, t(l, 'workshop.shock.signalled-help'))),
      h(
        'fieldset',
        { class: 'titles' },
        h('legend', {}, t(l, 'workshop.shock.title')),
        LOCALES.map((x) => h('div', { class: 'field-row' }, h('label', { for: `shock-title-${x}` }, LOCALE_NAMES[x]), titles[x], slot(`title-${x}`))),
      ),
      this.general,
      this.done,
      h('div', { class: 'actions' }, this.button, this.closedNote),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.busy || this.state.status !== 'open') return;
      const s = this.state;
      const taken = [...s.scenario!.shocks.map((x) => x.id), ...s.injected.map((x) => x.id)];
      const result = shockFromDraft(read(), s.scenario!, s.round, taken);
      if (!result.ok) return this.show(result.problems.map((p) => ({ field: p.field, text: t(l, p.key, p.params) })));
      this.show([]);
      this.busy = true;
      this.button.disabled = true;
      void this.actions.inject(result.shock).then((refused) => {
        this.busy = false;
        this.update(this.state);
        if (refused) this.show([{ field: '', text: refused }]);
        else this.done.textContent = t(l, 'workshop.shock.injected', { title: result.shock.title[l], round: result.shock.round });
      });
    });
    write(emptyDraft());
    this.el = h('section', { class: 'card shock-panel', id: 'shock-panel' }, h('h2', {}, t(l, 'workshop.shock.heading')), h('p', { class: 'help' }, t(l, 'workshop.shock.lead')), form, this.injected);
    this.update(state);
  }

  private show(problems: readonly { field: string; text: string }[]): void {
    for (const el of this.errors.values()) el.textContent = '';
    this.general.textContent = '';
    this.done.textContent = '';
    for (const p of problems) (this.errors.get(p.field) ?? this.general).textContent = p.text;
    for (const [field, el] of this.errors) {
      const input = this.el?.querySelector(`#shock-${field}`);
      if (input) markInvalid(input, el.textContent !== '');
    }
  }

  update(state: SessionState): void {
    // A new round or status: what was said about the last injection no longer applies.
    if (state.round !== this.state.round || state.status !== this.state.status) this.show([]);
    this.state = state;
    const open = state.status === 'open';
    this.button.disabled = !open || this.busy;
    this.closedNote.hidden = open;
    const l = this.locale;
    fill(
      this.injected,
      state.injected.map((s) =>
        h('li', {}, h('strong', {}, s.title[l]), ` · ${t(l, `workshop.shock-kind.${s.kind}`)} · ${s.territory ? (state.scenario!.territories.find((x) => x.id === s.territory)?.name[l] ?? s.territory) : t(l, 'workshop.shock.whole-region')}`),
      ),
    );
    this.injected.hidden = state.injected.length === 0;
  }
}
