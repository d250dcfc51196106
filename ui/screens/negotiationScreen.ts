/**
 * The negotiation room: the conversation so far, what the buyer has revealed, the offer on the
 * table and the buyer's last counter, and the moves the conversation allows now as buttons (a
 * move that needs a pain, an attribute or a figure asks for it first).
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { EVIDENCE, type Attribute, type Evidence, type Move, type MoveKind, type Pain } from '../../engine/negotiation/types.ts';
import { h, fill } from '../dom.ts';
import type { GameView } from '../game/game.ts';
import { t } from '../i18n/t.ts';
import { describeMove, negotiationRoomView, type NegotiationRoomView } from '../view/negotiationView.ts';
import { guideNotes } from './guideNotes.ts';

export interface NegotiationActions {
  move(account: string, move: Move): void;
  back(): void;
  /** Draw the room again (after the coach is switched on or off). */
  refresh?(): void;
}

const coachKey = (session: string) => `shapan.coach.${session}`;

/** Whether the coach speaks in this game: the trainee's choice, or the scenario's default. */
function coachOn(session: string, byDefault: boolean): boolean {
  try {
    const v = sessionStorage.getItem(coachKey(session));
    return v === null ? byDefault : v === 'on';
  } catch {
    return byDefault;
  }
}

function setCoach(session: string, on: boolean): void {
  try {
    sessionStorage.setItem(coachKey(session), on ? 'on' : 'off');
  } catch {
    // Storage blocked: the choice lasts until the room is drawn again.
  }
}

export function negotiationScreen(view: GameView, account: string, locale: Locale, actions: NegotiationActions, failure: string): HTMLElement {
  const room = negotiationRoomView(view.state, account, locale, view.team);
  const root = h('div', { class: 'room', 'data-screen': 'negotiation' });
  if (!room) {
    fill(root, h('p', { class: 'help' }, t(locale, 'negotiation.starting')));
    return root;
  }
  const coached = coachOn(view.id, room.coachByDefault);
  const conversation = h(
    'ol',
    { class: 'conversation', 'aria-live': 'polite' },
    room.lines.flatMap((line, i) => {
      const said = h('li', { class: line.speaker }, h('span', { class: 'who' }, t(locale, `negotiation.${line.speaker}`)), h('span', { class: 'said' }, line.text));
      // The buyer's answer to move m is line 2m + 2: the coach speaks right after it.
      const note = coached && line.speaker === 'buyer' && i > 0 ? room.coach[(i - 2) / 2] : undefined;
      return note
        ? [said, h('li', { class: `coach ${note.tone}`, 'data-coach': note.tone }, h('span', { class: 'who' }, t(locale, 'negotiation.coach')), h('span', { class: 'said' }, note.text, h('small', {}, note.moved)))]
        : [said];
    }),
  );
  const toggle = h('input', { type: 'checkbox', id: 'coach-toggle' });
  (toggle as HTMLInputElement).checked = coached;
  toggle.addEventListener('change', () => {
    setCoach(view.id, (toggle as HTMLInputElement).checked);
    actions.refresh?.();
  });
  const side = h(
    'aside',
    { class: 'room-side' },
    h('h3', {}, t(locale, 'negotiation.offer')),
    h(
      'dl',
      { class: 'facts' },
      [
        [t(locale, 'negotiation.ask'), room.offer.ask],
        [t(locale, 'negotiation.counter'), room.offer.counter],
        [t(locale, 'negotiation.concessions'), room.offer.conceded],
        [t(locale, 'negotiation.trust'), String(room.offer.trust)],
        [t(locale, 'negotiation.perceived-value'), room.offer.perceivedValue],
      ].flatMap(([k, v]) => [h("dt", {}, k), h("dd", { "data-fact": k }, v)]),
    ),
    h('h3', {}, t(locale, 'negotiation.revealed')),
    room.revealedWeights.length + room.revealedPains.length === 0
      ? h('p', { class: 'help' }, t(locale, 'negotiation.nothing-yet'))
      : h(
          'ul',
          { class: 'revealed' },
          room.revealedPains.map((p) => h('li', {}, t(locale, 'negotiation.pain-revealed', { pain: p.label }))),
          // The buyer named its priorities in words, most important first: the room shows their order, not a number it never said.
          room.revealedWeights.map((w, i) => h('li', {}, t(locale, 'negotiation.weight-revealed', { attribute: w.label, rank: i + 1 }))),
        ),
    h('h3', {}, t(locale, 'negotiation.account')),
    h('dl', { class: 'facts' }, room.facts.flatMap((f) => [h("dt", {}, f.label), h("dd", {}, f.value)])),
  );
  const controls = room.over ? outcomePanel(room, locale) : movePanel(room, locale, (move) => actions.move(account, move));
  fill(
    root,
    h(
      'div',
      { class: 'room-head' },
      h('button', { type: 'button', class: 'link', id: 'back-to-decisions', onclick: () => actions.back() }, t(locale, 'negotiation.back')),
      h('h2', {}, t(locale, 'negotiation.title', { account: room.title })),
      h('span', { class: 'stage' }, room.stage),
      h('label', { class: 'coach-toggle' }, toggle, ' ', t(locale, 'coach.toggle')),
    ),
    guideNotes(view.id, view.state.scenario!, view.state.round, ['negotiation'], locale),
    failure ? h('p', { class: 'error', role: 'alert' }, failure) : null,
    h('div', { class: 'room-body' }, h('div', { class: 'room-main' }, conversation, controls), side),
  );
  queueMicrotask(() => conversation.lastElementChild?.scrollIntoView({ block: 'end' }));
  return root;
}

function outcomePanel(room: NegotiationRoomView, locale: Locale): HTMLElement {
  return h(
    'div',
    { class: 'outcome', role: 'status' },
    h('p', {}, room.outcome),
    room.score === null ? null : h('p', { class: 'score' }, t(locale, room.scorePartial ? 'negotiation.score-partial' : 'negotiation.score', { score: room.score })),
    room.review ? reviewPanel(room.review, locale) : null,
    h('p', { class: 'help' }, t(locale, 'negotiation.after')),
  );
}

/** The deal's score, part by part, and what was given, got and left on the table. */
export function reviewPanel(review: NonNullable<NegotiationRoomView['review']>, locale: Locale, id: string | null = 'deal-review'): HTMLElement {
  return h(
    'section',
    { class: 'deal-review', ...(id ? { id } : {}) },
    h('h3', {}, t(locale, 'review.title')),
    h('dl', { class: 'facts' }, review.parts.flatMap((p) => [h('dt', {}, p.label), h('dd', {}, p.points)])),
    h('ul', {}, review.facts.map((f) => h('li', {}, f))),
  );
}

/** The moves the conversation takes now, as buttons (with a form for a move that needs a figure); also the replay's what-if move picker. */
export function movePanel(room: NegotiationRoomView, locale: Locale, send: (move: Move) => void): HTMLElement {
  const panel = h('div', { class: 'moves' });
  const detail = h('div', { class: 'move-detail' });
  const buttons = h(
    'div',
    { class: 'move-buttons', role: 'group', 'aria-label': t(locale, 'negotiation.moves') },
    room.moves.map((m) => {
      const b = h('button', { type: 'button', 'data-move': m.kind, title: m.hint }, m.label);
      b.addEventListener('click', () => {
        if (m.input === 'none') send({ kind: m.kind } as Move);
        else fill(detail, moveForm(m.kind, m.input, room, locale, send));
      });
      return b;
    }),
  );
  panel.append(buttons, detail);
  return panel;
}

/** Asks for what a move needs: which pain, which attribute, what price or how much. */
function moveForm(kind: MoveKind, input: string, room: NegotiationRoomView, locale: Locale, send: (move: Move) => void): HTMLElement {
  const form = h('form', { class: 'move-form', 'data-move-form': kind });
  const error = h('span', { class: 'field-error', role: 'alert' });
  const select = (name: string, options: readonly { value: string; label: string }[], optional: false | string = false) => {
    const s = h('select', { name, 'aria-label': t(locale, `negotiation.choose-${name}`) });
    if (optional !== false) s.add(new Option(optional, ''));
    for (const o of options) s.add(new Option(o.label, o.value));
    return s;
  };
  const pains = input === 'revealed-pain' ? room.revealedPains.map((p) => ({ value: p.pain, label: p.label })) : room.pains.map((p) => ({ value: p.pain, label: p.label }));
  const attributes = room.attributes.map((a) => ({ value: a.attribute, label: a.label }));
  const fields: HTMLElement[] = [];
  let read: () => Move | string;
  const number = (name: string, value: string, suffix: string) => {
    const el = h('input', { name, type: 'text', inputmode: 'decimal', class: 'num', value, 'aria-label': t(locale, `negotiation.enter-${name}`) });
    fields.push(h('label', {}, t(locale, `negotiation.enter-${name}`), ' ', el, ` ${suffix}`));
    return el;
  };
  const whole = (text: string, min: number, max: number): number | string => {
    const n = Number(text.trim().replace(/[,，]/g, ''));
    if (text.trim() === '' || !Number.isFinite(n)) return t(locale, 'form.not-a-number', { value: text });
    if (n < min || n > max) return t(locale, 'form.range', { min, max, value: text });
    return n;
  };
  switch (input) {
    case 'pain':
    case 'revealed-pain': {
      const s = select('pain', pains);
      fields.push(s);
      read = () => ({ kind, pain: s.value as Pain }) as Move;
      break;
    }
    case 'attribute': {
      const s = select('attribute', attributes);
      fields.push(s);
      read = () => ({ kind, attribute: s.value as Attribute }) as Move;
      break;
    }
    case 'attribute-pain': {
      // FABE, composed: a feature (with its advantage), the benefit for a pain the buyer confirmed, and the proof.
      const a = select('feature', room.attributes.map((x) => ({ value: x.attribute, label: `${x.label}: ${t(locale, `fabe.feature.${x.attribute}`)}` })));
      const p = select('benefit', room.revealedPains.map((x) => ({ value: x.pain, label: `${x.label}: ${t(locale, `fabe.benefit.${x.pain}`)}` })), t(locale, 'negotiation.no-benefit'));
      const e = select('evidence', EVIDENCE.map((x) => ({ value: x, label: t(locale, `evidence.${x}`) })), t(locale, 'evidence.none'));
      const compose = (): Move => ({
        kind: 'fabe',
        attribute: a.value as Attribute,
        ...(p.value ? { pain: p.value as Pain } : {}),
        ...(e.value ? { evidence: e.value as Evidence } : {}),
      });
      const preview = h('p', { class: 'fabe-preview', id: 'fabe-preview' });
      const show = () => (preview.textContent = describeMove(compose(), locale, room.listPrice));
      for (const s of [a, p, e]) s.addEventListener('change', show);
      show();
      fields.push(
        h('label', {}, t(locale, 'negotiation.choose-feature'), ' ', a),
        h('label', {}, t(locale, 'negotiation.choose-benefit'), ' ', p),
        h('label', {}, t(locale, 'negotiation.choose-evidence'), ' ', e),
        preview,
      );
      read = compose;
      break;
    }
    case 'price': {
      const start = room.askPm > 0 ? room.askPm : 1000;
      const el = number('price', String(Math.round((start * room.listPrice) / 1000)), t(locale, 'negotiation.yuan-per-unit'));
      read = () => {
        const yuan = whole(el.value, Math.ceil(room.listPrice / 2), room.listPrice * 2);
        return typeof yuan === 'string' ? yuan : { kind: 'quote', pricePm: Math.round((yuan * 1000) / room.listPrice) };
      };
      break;
    }
    case 'bp': {
      const el = number('percent', '3', '%');
      read = () => {
        const pct = whole(el.value, 0.01, 30);
        return typeof pct === 'string' ? pct : ({ kind, bp: Math.round(pct * 100) } as Move);
      };
      break;
    }
    case 'yuan': {
      const el = number('cost', '20000', t(locale, 'negotiation.yuan'));
      read = () => {
        const y = whole(el.value, 1, 10_000_000);
        return typeof y === 'string' ? y : ({ kind, costYuan: Math.round(y) } as Move);
      };
      break;
    }
    default: {
      const s = select('ask', (['term', 'volume', 'prepayment'] as const).map((x) => ({ value: x, label: t(locale, `trade.${x}`) })));
      fields.push(s);
      read = () => ({ kind: 'trade', ask: s.value as 'term' | 'volume' | 'prepayment' });
    }
  }
  const go = h('button', { type: 'submit', class: 'primary' }, t(locale, 'negotiation.say', { move: t(locale, `move.${kind}`) }));
  form.append(...fields, go, error);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const move = read();
    if (typeof move === 'string') error.textContent = move;
    else send(move);
  });
  queueMicrotask(() => form.querySelector<HTMLElement>('select, input')?.focus());
  return form;
}
