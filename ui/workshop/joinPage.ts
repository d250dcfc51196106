/**
 * `#/join?code=`: the join code read off the projector, the member's name and, if the
 * facilitator gave one, a team number. The token the server hands back stays in this browser
 * (localStorage, keyed by session); the page then moves to the team's own page.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h, markInvalid } from '../dom.ts';
import { t } from '../i18n/t.ts';
import { joinFieldOf, validateJoin } from '../view/joinForm.ts';
import { isRefusal, openClient, refusalText } from './connection.ts';
import { WorkshopFrame } from './frame.ts';
import type { Dispose, PageHost } from './page.ts';
import { routeHash, type Route } from './routes.ts';
import { rememberTeamSeat } from './tokens.ts';

type JoinRoute = Extract<Route, { page: 'join' }>;

export function joinPage(host: PageHost, route: JoinRoute): Dispose {
  const client = openClient();
  let connected: Promise<void> | null = null;
  const frame = new WorkshopFrame(host.root, host.locale(), (l) => {
    host.setLocale(l);
    render(l);
  });
  const render = (l: Locale) => {
    frame.setWhere(t(l, 'workshop.join.where'));
    frame.setConnection(null);
    frame.screen.replaceChildren(joinForm(l, route.code, async (request) => {
      connected ??= client.connect();
      await connected;
      const answer = await client.send({ type: 'join', ...request, locale: l });
      if (answer.type === 'joined') {
        rememberTeamSeat(answer.session, { token: answer.token, team: answer.team, member: request.name });
        location.hash = routeHash({ page: 'team', session: answer.session });
        return null;
      }
      if (isRefusal(answer)) return { field: joinFieldOf(answer.path, answer.code), text: refusalText(answer, l) };
      return { field: '', text: t(l, 'workshop.unexpected', { type: answer.type }) };
    }));
  };
  render(frame.locale);
  return () => client.close();
}

type Send = (request: { code: string; name: string; team?: string }) => Promise<{ field: string; text: string } | null>;

function joinForm(locale: Locale, code: string, send: Send): HTMLElement {
  const errors = new Map<string, HTMLElement>();
  const row = (field: string, label: string, input: HTMLInputElement, help?: string) => {
    const error = h('span', { class: 'field-error', role: 'alert', 'data-for': field });
    errors.set(field, error);
    return h('div', { class: 'field-row' }, h('label', { for: input.id }, label), input, help ? h('small', { class: 'help' }, help) : null, error);
  };
  const codeInput = h('input', { id: 'join-code-input', type: 'text', value: code, autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 12, class: 'code-input' });
  const name = h('input', { id: 'join-name', type: 'text', autocomplete: 'name', maxlength: 60 });
  const team = h('input', { id: 'join-team', type: 'text', inputmode: 'numeric', class: 'num', autocomplete: 'off', maxlength: 3 });
  const inputs: Record<string, HTMLInputElement> = { code: codeInput, name, team };
  const general = h('p', { class: 'field-error', role: 'alert', id: 'join-error' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'join-submit' }, t(locale, 'workshop.join.submit'));
  const show = (problems: readonly { field: string; text: string }[]) => {
    for (const el of errors.values()) el.textContent = '';
    general.textContent = '';
    for (const p of problems) (errors.get(p.field) ?? general).textContent = p.text;
    for (const [field, input] of Object.entries(inputs)) markInvalid(input, problems.some((p) => p.field === field));
  };
  const form = h(
    'form',
    { class: 'card join-form', id: 'join-form', novalidate: true },
    h('h1', {}, t(locale, 'workshop.join.heading')),
    h('p', { class: 'help' }, t(locale, 'workshop.join.lead')),
    row('code', t(locale, 'workshop.join.code'), codeInput, t(locale, 'workshop.join.code-help')),
    row('name', t(locale, 'workshop.join.name'), name, t(locale, 'workshop.join.name-help')),
    row('team', t(locale, 'workshop.join.team'), team, t(locale, 'workshop.join.team-help')),
    general,
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (submit.disabled) return;
    const result = validateJoin({ code: codeInput.value, name: name.value, team: team.value });
    if (!result.ok) return show(result.problems.map((p) => ({ field: p.field, text: t(locale, p.key, p.params) })));
    show([]);
    submit.disabled = true;
    void send(result.request).then((refused) => {
      submit.disabled = false;
      if (refused) show([refused]);
    });
  });
  queueMicrotask(() => (code ? name : codeInput).focus());
  return h('div', { class: 'workshop-page narrow', 'data-screen': 'join' }, form);
}
