import { isLocale, LOCALES, matchLocale, type Locale } from '../engine/i18n/locale.ts';
import { t } from './i18n/t.ts';
import { verifyPanel } from './tools/verifyPanel.ts';

const LOCALE_KEY = 'shapan.locale';
const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

function initialLocale(): Locale {
  const saved = localStorage.getItem(LOCALE_KEY);
  return isLocale(saved) ? saved : matchLocale(navigator.language, 'zh-CN');
}

function render(root: HTMLElement, locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = `${t(locale, 'app.title')} · Shapan`;
  root.replaceChildren();
  const main = document.createElement('main');
  const header = document.createElement('header');
  const h1 = document.createElement('h1');
  h1.textContent = t(locale, 'app.title');
  const small = document.createElement('small');
  small.textContent = t(locale, 'app.tagline');
  h1.append(small);
  const picker = document.createElement('label');
  picker.textContent = `${t(locale, 'app.language')} `;
  const select = document.createElement('select');
  select.id = 'locale';
  for (const l of LOCALES) select.add(new Option(LOCALE_NAMES[l], l, false, l === locale));
  select.addEventListener('change', () => {
    if (!isLocale(select.value)) return;
    localStorage.setItem(LOCALE_KEY, select.value);
    render(root, select.value);
  });
  picker.append(select);
  header.append(h1, picker);
  const lead = document.createElement('p');
  lead.className = 'lead';
  lead.textContent = t(locale, 'app.lead');
  main.append(header, lead, verifyPanel(locale));
  root.append(main);
}

function start(): void {
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  render(root, initialLocale());
}

start();
