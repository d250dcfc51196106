/** The bench page's query parameters, with their defaults. */
import { isLocale, type Locale } from '../../engine/i18n/locale.ts';

export interface BenchParams {
  /** 'bench': time bare vs region frames; 'view': show the region view to look at and play with. */
  readonly mode: 'bench' | 'view';
  readonly scenario: string;
  readonly locale: Locale;
  readonly seed: string;
  readonly width: number;
  readonly height: number;
  /** Frames timed in each block, and blocks of each side. */
  readonly frames: number;
  readonly blocks: number;
  /** View mode: resolve this many rounds with bots and animate the last one on the map. */
  readonly rounds: number;
  /** Team slots in play (the first is ours); 1 is the trainee's solo game against the AI firms. */
  readonly teams: number;
}

export function benchParams(search: string): BenchParams {
  const q = new URLSearchParams(search);
  const int = (name: string, fallback: number, min: number, max: number) => {
    const v = Number(q.get(name) ?? fallback);
    return Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : fallback;
  };
  const locale = q.get('locale');
  return {
    mode: q.get('mode') === 'view' ? 'view' : 'bench',
    scenario: q.get('scenario') ?? 'benchmark',
    locale: isLocale(locale) ? locale : 'zh-CN',
    seed: q.get('seed') ?? 'bench',
    width: int('width', 1366, 64, 4096),
    height: int('height', 768, 64, 4096),
    frames: int('frames', 30, 1, 10_000),
    blocks: int('blocks', 12, 1, 1000),
    rounds: int('rounds', 0, 0, 12),
    teams: int('teams', 1, 1, 16),
  };
}
