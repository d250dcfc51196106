import type { TimerView } from '../../engine/protocol/messages.ts';
import { remainingMs } from '../view/workshopView.ts';

/**
 * The round clock on a page: the server sends the time left whenever the clock changes; this
 * counts down from it locally, so the page needs no message a second.
 */
export class RoundClock {
  private timer: TimerView = { kind: 'off' };
  private since = 0;

  /** Takes the client's timer; a new object means a new reading from the server. */
  take(timer: TimerView): void {
    if (timer === this.timer) return;
    this.timer = timer;
    this.since = performance.now();
  }

  get kind(): TimerView['kind'] {
    return this.timer.kind;
  }

  /** Milliseconds left now; null when no clock runs this round. */
  remaining(): number | null {
    return remainingMs(this.timer, performance.now() - this.since);
  }
}
