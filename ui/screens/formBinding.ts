import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { enterNumber, formProblems, setFlag, type DecisionForm, type FieldProblem } from '../view/decisionForm.ts';
import type { TeamContext } from '../view/session.ts';

/**
 * Ties the decision form's inputs to the form data: every input edits one path, every problem
 * is shown at the input (or row, or section) it belongs to, and anything left over is listed
 * by the submit button, so the trainee always sees why the plan cannot go in yet.
 */
export class FormBinding {
  private readonly slots = new Map<string, HTMLElement>();
  private readonly inputs = new Map<string, HTMLElement>();
  private readonly listeners = new Set<(problems: readonly FieldProblem[]) => void>();
  /** What the shown section registered: dropped when another section replaces it. */
  private section = { slots: [] as string[], inputs: [] as string[], listeners: [] as ((p: readonly FieldProblem[]) => void)[] };
  private inSection = false;
  problems: readonly FieldProblem[] = [];

  constructor(
    public form: DecisionForm,
    readonly ctx: TeamContext,
    readonly locale: Locale,
    private readonly save: (form: DecisionForm) => void,
  ) {
    this.problems = formProblems(form, ctx);
  }

  update(form: DecisionForm): void {
    this.form = form;
    this.save(form);
    this.refresh();
  }

  onProblems(listener: (problems: readonly FieldProblem[]) => void): void {
    this.listeners.add(listener);
    if (this.inSection) this.section.listeners.push(listener);
    listener(this.problems);
  }

  /**
   * Starts a new section of the form: the slots, inputs and listeners of the one it replaces
   * are let go (what was registered before the first section stays for the screen's life).
   */
  beginSection(): void {
    for (const path of this.section.slots) this.slots.delete(path);
    for (const path of this.section.inputs) this.inputs.delete(path);
    for (const listener of this.section.listeners) this.listeners.delete(listener);
    this.section = { slots: [], inputs: [], listeners: [] };
    this.inSection = true;
  }

  /** A place where problems at `path` (or, for rows, any path inside it) are shown. */
  slot(path: string): HTMLElement {
    const el = h('span', { class: 'field-error', role: 'alert', 'data-for': path });
    this.slots.set(path, el);
    if (this.inSection) this.section.slots.push(path);
    return el;
  }

  private track(path: string, input: HTMLElement): void {
    this.inputs.set(path, input);
    if (this.inSection) this.section.inputs.push(path);
  }

  /** A whole-number input bound to `path`; `scale` turns what is typed into the stored unit (10 for ‰ typed as %). */
  number(path: string, label: string, value: number, scale = 1, attrs: Record<string, string | number> = {}): HTMLElement {
    const entry = this.form.entries[path];
    const input = h('input', {
      type: 'text',
      inputmode: 'decimal',
      class: 'num',
      'data-path': path,
      'aria-label': label,
      value: entry ? String(entry.params.value ?? '') : String(value / scale),
      ...attrs,
    });
    input.addEventListener('input', () => this.update(enterNumber(this.form, path, input.value, this.ctx, scale)));
    this.track(path, input);
    return h('span', { class: 'field' }, input, this.slot(path));
  }

  checkbox(path: string, label: string, checked: boolean, note = ''): HTMLElement {
    const input = h('input', { type: 'checkbox', 'data-path': path, checked });
    input.addEventListener('change', () => this.update(setFlag(this.form, path, input.checked)));
    this.track(path, input);
    return h('label', { class: 'check' }, input, ` ${label}`, note ? h('small', {}, ` ${note}`) : null);
  }

  /** Puts the keyboard on the input a problem belongs to. */
  focus(path: string): void {
    const exact = this.inputs.get(path);
    const near = exact ?? [...this.inputs.entries()].find(([p]) => p.startsWith(`${path}.`) || p.startsWith(`${path}[`))?.[1];
    (near ?? this.slots.get(path))?.scrollIntoView({ block: 'center' });
    near?.focus();
  }

  refresh(): void {
    this.problems = formProblems(this.form, this.ctx);
    for (const slot of this.slots.values()) slot.textContent = '';
    for (const input of this.inputs.values()) input.removeAttribute('aria-invalid');
    for (const p of this.problems) {
      const slot = this.slots.get(p.path);
      if (slot) slot.textContent = t(this.locale, p.key, p.params);
      this.inputs.get(p.path)?.setAttribute('aria-invalid', 'true');
    }
    for (const listener of this.listeners) listener(this.problems);
  }

  /** Whether a problem has a place on the screen of its own (the rest go in the summary). */
  placed(problem: FieldProblem): boolean {
    return this.slots.has(problem.path);
  }
}
