/**
 * The replay's transport: a range over the log's positions (0..N), play/pause, a step either
 * way and a speed. It only reports positions; the page seeks the state.
 */
import type { Locale } from '../../engine/i18n/locale.ts';
import { h } from '../dom.ts';
import { t } from '../i18n/t.ts';

export interface Scrubber {
  readonly el: HTMLElement;
  /** Moves the thumb without reporting (the page moved it). */
  set(seq: number): void;
  dispose(): void;
}

const SPEEDS = [1, 2, 4, 8] as const;
/** Events per second at speed 1. */
const BASE_RATE = 4;

export function scrubber(locale: Locale, count: number, initial: number, onSeek: (seq: number) => void): Scrubber {
  let seq = initial;
  let timer: ReturnType<typeof setInterval> | null = null;
  const range = h('input', { type: 'range', id: 'replay-scrubber', min: 0, max: count, step: 1, value: initial, 'aria-label': t(locale, 'viewer.scrubber') });
  const play = h('button', { type: 'button', id: 'replay-play' }, t(locale, 'viewer.play'));
  const prev = h('button', { type: 'button', id: 'replay-prev' }, t(locale, 'viewer.prev'));
  const next = h('button', { type: 'button', id: 'replay-next' }, t(locale, 'viewer.next'));
  const speed = h('select', { id: 'replay-speed', 'aria-label': t(locale, 'viewer.speed') });
  for (const s of SPEEDS) speed.add(new Option(`${s}×`, String(s), false, s === 1));

  const go = (to: number) => {
    const clamped = Math.max(0, Math.min(count, to));
    if (clamped === seq) return;
    seq = clamped;
    range.value = String(seq);
    onSeek(seq);
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = t(locale, 'viewer.play');
  };
  const start = () => {
    if (seq >= count) go(0);
    timer = setInterval(() => {
      if (seq >= count) return stop();
      go(seq + 1);
    }, 1000 / (BASE_RATE * Number(speed.value)));
    play.textContent = t(locale, 'viewer.pause');
  };
  range.addEventListener('input', () => go(Number(range.value)));
  play.addEventListener('click', () => (timer ? stop() : start()));
  prev.addEventListener('click', () => go(seq - 1));
  next.addEventListener('click', () => go(seq + 1));
  speed.addEventListener('change', () => {
    if (timer) {
      stop();
      start();
    }
  });
  const el = h(
    'div',
    { class: 'replay-transport', role: 'group', 'aria-label': t(locale, 'viewer.scrubber') },
    range,
    h('div', { class: 'row' }, prev, play, next, h('label', {}, `${t(locale, 'viewer.speed')} `, speed)),
  );
  return {
    el,
    set(to) {
      seq = to;
      range.value = String(to);
    },
    dispose: stop,
  };
}
