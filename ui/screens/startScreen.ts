/**
 * The start page: language, scenario, seed and difficulty for a new game; the ways into a
 * workshop (run one, join one); saved games to resume; a log to import; and the log checker.
 */
import { LOCALES, type Locale } from '../../engine/i18n/locale.ts';
import { builtInScenarios, DEFAULT_SCENARIO_ID } from '../../scenarios/library.ts';
import { h, fill } from '../dom.ts';
import { DIFFICULTIES, type Difficulty } from '../game/difficulty.ts';
import type { SavedSessionMeta } from '../game/storage.ts';
import { t } from '../i18n/t.ts';
import { verifyPanel } from '../tools/verifyPanel.ts';

export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export interface StartChoice {
  readonly scenario: string;
  readonly seed: string;
  readonly difficulty: Difficulty;
  readonly teamName: string;
}

export interface StartActions {
  setLocale(locale: Locale): void;
  start(choice: StartChoice): void;
  resume(id: string): void;
  remove(id: string): void;
  importFile(file: File): void;
}

/** A seed anyone can read out loud and type again: two words and a number. */
export function randomSeed(): string {
  const words = ['east', 'river', 'pine', 'harbor', 'jade', 'cloud', 'stone', 'lotus', 'maple', 'bridge', 'lantern', 'willow'];
  const pick = () => words[Math.floor(Math.random() * words.length)]!;
  return `${pick()}-${pick()}-${Math.floor(Math.random() * 900 + 100)}`;
}

export function startScreen(locale: Locale, saved: readonly SavedSessionMeta[], actions: StartActions, message: string): HTMLElement {
  const picker = h('select', { id: 'locale' });
  for (const l of LOCALES) picker.add(new Option(LOCALE_NAMES[l], l, false, l === locale));
  picker.addEventListener('change', () => actions.setLocale(picker.value as Locale));

  const scenario = h('select', { id: 'scenario', name: 'scenario' });
  for (const s of builtInScenarios.filter((x) => x.id !== 'benchmark')) scenario.add(new Option(s.title[locale], s.id, false, s.id === DEFAULT_SCENARIO_ID));
  const seed = h('input', { id: 'seed', name: 'seed', type: 'text', value: randomSeed(), autocomplete: 'off', maxlength: 64 });
  const reroll = h('button', { type: 'button', onclick: () => (seed.value = randomSeed()) }, t(locale, 'start.random-seed'));
  const team = h('input', { id: 'team-name', name: 'team', type: 'text', value: t(locale, 'start.default-team'), maxlength: 40 });
  const difficulty = h(
    'fieldset',
    { class: 'difficulty' },
    h('legend', {}, t(locale, 'start.difficulty')),
    DIFFICULTIES.map((d) => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'difficulty', value: d, checked: d === 'standard' }), ` ${t(locale, `difficulty.${d}`)}`)),
  );
  const error = h('p', { class: 'field-error', role: 'alert' });
  const form = h(
    'form',
    { class: 'card new-game', id: 'new-game' },
    h('h2', {}, t(locale, 'start.new-game')),
    h('label', { for: 'scenario' }, t(locale, 'start.scenario')),
    scenario,
    h('label', { for: 'seed' }, t(locale, 'start.seed')),
    h('div', { class: 'row' }, seed, reroll),
    h('small', { class: 'help' }, t(locale, 'start.seed-help')),
    h('label', { for: 'team-name' }, t(locale, 'start.team-name')),
    team,
    difficulty,
    error,
    h('button', { type: 'submit', class: 'primary', id: 'start-game' }, t(locale, 'start.start')),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const s = seed.value.trim();
    const name = team.value.trim();
    if (s === '') return void (error.textContent = t(locale, 'start.seed-required'));
    if (name === '') return void (error.textContent = t(locale, 'start.team-required'));
    const level = (form.querySelector<HTMLInputElement>('input[name="difficulty"]:checked')?.value ?? 'standard') as Difficulty;
    actions.start({ scenario: scenario.value, seed: s, difficulty: level, teamName: name });
  });

  const savedList = h('div', { class: 'card saved' }, h('h2', {}, t(locale, 'start.saved')));
  if (saved.length === 0) savedList.append(h('p', { class: 'help' }, t(locale, 'start.no-saved')));
  else
    savedList.append(
      h(
        'ul',
        {},
        saved.map((s) =>
          h(
            'li',
            { 'data-session': s.id },
            h('div', {}, h('strong', {}, s.title[locale]), h('small', {}, ` ${t(locale, s.ended ? 'start.saved-ended' : 'start.saved-round', { round: s.round, rounds: s.rounds })} · ${t(locale, `difficulty.${s.difficulty}`)} · ${new Date(s.updatedAt).toLocaleString(locale)}`)),
            h('button', { type: 'button', class: 'resume', onclick: () => actions.resume(s.id) }, t(locale, 'start.resume')),
            h('button', { type: 'button', class: 'link', onclick: () => actions.remove(s.id) }, t(locale, 'start.delete')),
          ),
        ),
      ),
    );

  const file = h('input', { id: 'import-log', type: 'file', accept: '.jsonl,application/x-ndjson,text/plain' });
  file.addEventListener('change', () => file.files?.[0] && actions.importFile(file.files[0]));
  const importer = h(
    'section',
    { class: 'card' },
    h('h2', {}, t(locale, 'start.import')),
    h('p', { class: 'help' }, t(locale, 'start.import-help')),
    h('label', { for: 'import-log' }, t(locale, 'verify.file')),
    ' ',
    file,
  );

  const notice = h('p', { class: message ? 'error' : '', role: 'alert', id: 'start-message' });
  fill(notice, message);
  return h(
    'div',
    { class: 'start', 'data-screen': 'start' },
    h('header', {}, h('h1', {}, t(locale, 'app.title'), h('small', {}, t(locale, 'app.tagline'))), h('label', {}, `${t(locale, 'app.language')} `, picker)),
    h('p', { class: 'lead' }, t(locale, 'app.lead')),
    notice,
    h(
      'nav',
      { class: 'workshop-entry', 'aria-label': t(locale, 'start.workshop') },
      h('div', {}, h('strong', {}, t(locale, 'start.workshop')), h('small', { class: 'help' }, ` ${t(locale, 'start.workshop-help')}`)),
      h('a', { class: 'button', href: '#/facilitate', id: 'run-workshop' }, t(locale, 'start.run-workshop')),
      h('a', { class: 'button', href: '#/join', id: 'join-workshop' }, t(locale, 'start.join-workshop')),
    ),
    h('div', { class: 'start-grid' }, form, savedList),
    importer,
    h(
      'section',
      { class: 'card replay-entry' },
      h('h2', {}, t(locale, 'viewer.open')),
      h('p', { class: 'help' }, t(locale, 'viewer.open-help')),
      h('a', { class: 'button', href: '#/replay', id: 'open-replay' }, t(locale, 'viewer.open')),
    ),
    verifyPanel(locale),
  );
}
