import { escapeHtml } from './escape.ts';

/** Okabe–Ito colours: told apart by readers with colour-blindness, and in grey print by the dashes added after eight. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C6D1F'] as const;

export const LIGHT_COLOURS = { green: '#2E9D5B', yellow: '#E8B824', red: '#D64541', none: '#E4E4E4' } as const;

export const FONT_SIZE = 11;

export function colourOf(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

/** A dash pattern for series past the palette, so a ninth line is still told from the first. */
export function dashOf(i: number, dashed = false): string {
  if (dashed) return '6 4';
  return i >= PALETTE.length ? '2 3' : '';
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** About how wide a label is drawn: CJK characters a full em, Latin ones a little over half. */
export function textWidth(text: string, size = FONT_SIZE): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? size : size * 0.6;
  return w;
}

/** A label cut to fit a width, with an ellipsis. */
export function fit(text: string, width: number, size = FONT_SIZE): string {
  if (textWidth(text, size) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`, size) > width) break;
    out += ch;
  }
  return `${out}…`;
}

/** Round numbers for an axis from lo to hi: steps of 1, 2, 2.5 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number, count = 4, minStep = 0): number[] {
  if (!(hi > lo)) return [lo];
  const raw = Math.max((hi - lo) / count, minStep);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw && (minStep === 0 || Number.isInteger(s))) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/**
 * An axis range that holds the values, ending on round numbers: from `floor` (or zero, or with
 * `floor` 'auto' from just under the smallest value) to `ceiling` (or just over the largest).
 */
export function niceRange(values: readonly number[], floor?: number | 'auto', ceiling?: number, minStep = 0): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  let lo = floor === 'auto' ? min : (floor ?? Math.min(0, min));
  let hi = ceiling ?? Math.max(max, lo + (minStep || 1));
  const ticks = niceTicks(lo, hi, 4, minStep);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : minStep || 1;
  if (floor === 'auto') {
    // A step of room under the lowest line when it sits right on a grid line.
    lo = Math.floor(min / step) * step;
    if (min - lo < step / 4) lo -= step;
    lo = Math.max(0, lo);
  }
  if (ceiling === undefined) {
    hi = Math.ceil(hi / step - 1e-9) * step;
    if (hi <= lo) hi = lo + step;
  }
  return [lo, hi];
}

export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** An SVG text element; the text is escaped. */
export function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${num(x)}" y="${num(y)}"${attrs ? ` ${attrs}` : ''}>${escapeHtml(content)}</text>`;
}

/** The opening of a chart: sized by its view box, described for screen readers by its title. */
export function open(width: number, height: number, title: string, cls = 'chart'): string {
  return `<svg class="${cls}" viewBox="0 0 ${num(width)} ${num(height)}" width="${num(width)}" height="${num(height)}" role="img" aria-label="${escapeHtml(title)}" font-size="${FONT_SIZE}"><title>${escapeHtml(title)}</title>`;
}

/** A chart with nothing to draw says so, at the size it would have had. */
export function emptyChart(title: string, message: string, width = 640, height = 80): string {
  return `${open(width, height, title, 'chart empty')}<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" fill="#fafafa" stroke="#ccc" stroke-dasharray="4 3"/>${text(width / 2, height / 2 + 4, message, 'text-anchor="middle" fill="#666"')}</svg>`;
}

export interface LegendItem {
  readonly name: string;
  readonly colour: string;
  readonly dash?: string;
  /** Drawn as a square swatch rather than a line. */
  readonly box?: boolean;
}

/** Legend items flowed in rows under a chart; returns the markup and the height it takes. */
export function legend(items: readonly LegendItem[], x0: number, y0: number, width: number): { svg: string; height: number } {
  let x = x0;
  let y = y0 + 12;
  const parts: string[] = [];
  for (const item of items) {
    const label = fit(item.name, 260);
    const w = 22 + textWidth(label) + 14;
    if (x + w > x0 + width && x > x0) {
      x = x0;
      y += 16;
    }
    parts.push(
      item.box
        ? `<rect x="${num(x)}" y="${num(y - 8)}" width="10" height="10" fill="${item.colour}"/>`
        : `<line x1="${num(x)}" y1="${num(y - 4)}" x2="${num(x + 16)}" y2="${num(y - 4)}" stroke="${item.colour}" stroke-width="2.5"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`,
    );
    parts.push(text(x + 20, y, label, 'fill="#333"'));
    x += w;
  }
  return { svg: parts.join(''), height: items.length === 0 ? 0 : y - y0 + 6 };
}
