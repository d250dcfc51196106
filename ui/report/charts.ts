import type { KpiLight } from '../../engine/model/outcome.ts';
import { escapeHtml } from './escape.ts';
import { colourOf, dashOf, emptyChart, fit, legend, LIGHT_COLOURS, niceRange, niceTicks, num, open, text, textWidth } from './svg.ts';

/** Charts of the debrief report: SVG markup as strings, every label escaped, readable without script. */

export interface Series {
  readonly name: string;
  /** One value a category (a round); null leaves a gap. */
  readonly values: readonly (number | null)[];
  readonly dashed?: boolean;
  /** Drawn thicker: the team the report is about. */
  readonly emphasis?: boolean;
}

interface ChartBase {
  /** Read out by screen readers and shown as a tooltip. */
  readonly title: string;
  /** Shown instead of the chart when there is nothing to draw. */
  readonly empty: string;
  readonly format?: (n: number) => string;
  readonly width?: number;
  readonly height?: number;
}

export interface LineChartSpec extends ChartBase {
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  /** Bottom of the axis; 'auto' starts just under the smallest value (zero by default). */
  readonly yMin?: number | 'auto';
  readonly yMax?: number;
  /** A horizontal reference line (a threshold) and its label. */
  readonly guide?: { readonly value: number; readonly label: string };
}

export interface BarChartSpec extends ChartBase {
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  /** Whole numbers (counts of people): the axis steps by whole numbers. */
  readonly integer?: boolean;
  /** A category drawn with an outline (ours). */
  readonly highlight?: number;
}

export interface FunnelStage {
  readonly label: string;
  readonly count: number;
  readonly countText: string;
  /** What was lost at this stage on the way to the next, as text ("−12 (40%)"); empty for the last. */
  readonly lostText: string;
}

export interface FunnelSpec extends Omit<ChartBase, 'format'> {
  readonly stages: readonly FunnelStage[];
  /** The stage whose losses are marked as the leak (-1: none). */
  readonly leakiest: number;
  readonly leakLabel: string;
}

export interface KpiGridSpec extends Omit<ChartBase, 'format'> {
  readonly rows: readonly { readonly label: string; readonly lights: readonly (KpiLight | null)[] }[];
  /** Column groups (rounds) and how many cells (weeks) each spans. */
  readonly groups: readonly { readonly label: string; readonly span: number }[];
  readonly legend: Readonly<Record<KpiLight | 'none', string>>;
}

const AXIS = 'fill="#555"';
const plain = (n: number) => num(n);

function hasValues(series: readonly Series[]): boolean {
  return series.some((s) => s.values.some((v) => v !== null && Number.isFinite(v)));
}

/** Y axis with grid lines; returns the markup and the value → y mapping. */
function yAxis(lo: number, hi: number, left: number, right: number, top: number, bottom: number, format: (n: number) => string, minStep = 0) {
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const parts = niceTicks(lo, hi, 4, minStep).map(
    (v) => `<line x1="${left}" y1="${num(y(v))}" x2="${right}" y2="${num(y(v))}" stroke="${v === 0 ? '#999' : '#e3e3e3'}"/>${text(left - 6, y(v) + 4, format(v), `text-anchor="end" ${AXIS}`)}`,
  );
  return { svg: parts.join(''), y };
}

/** Category labels under the plot, thinned out when they would collide. */
function xLabels(categories: readonly string[], x: (i: number) => number, band: number, y: number): string {
  const widest = Math.max(...categories.map((c) => textWidth(c)));
  const every = Math.max(1, Math.ceil((widest + 6) / Math.max(1, band)));
  return categories.map((c, i) => (i % every === 0 ? text(x(i), y, c, `text-anchor="middle" ${AXIS}`) : '')).join('');
}

function leftMargin(lo: number, hi: number, format: (n: number) => string, minStep = 0): number {
  return Math.max(36, ...niceTicks(lo, hi, 4, minStep).map((v) => textWidth(format(v)) + 12));
}

/** Lines over rounds, a dot on every value so a single round still shows. */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 220;
  if (spec.categories.length === 0 || !hasValues(spec.series)) return emptyChart(spec.title, spec.empty, width);
  const format = spec.format ?? plain;
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  if (spec.guide) values.push(spec.guide.value);
  const [lo, hi] = niceRange(values, spec.yMin, spec.yMax);
  const left = leftMargin(lo, hi, format);
  const right = width - 12;
  const top = 10;
  const bottom = height - 26;
  const band = (right - left) / spec.categories.length;
  const x = (i: number) => left + band * (i + 0.5);
  const axis = yAxis(lo, hi, left, right, top, bottom, format);
  const parts: string[] = [axis.svg, xLabels(spec.categories, x, band, bottom + 16)];
  if (spec.guide) {
    const gy = axis.y(spec.guide.value);
    parts.push(`<line x1="${left}" y1="${num(gy)}" x2="${right}" y2="${num(gy)}" stroke="#D64541" stroke-dasharray="3 3"/>`);
    parts.push(text(right - 2, gy - 4, spec.guide.label, 'text-anchor="end" fill="#D64541"'));
  }
  spec.series.forEach((s, si) => {
    const colour = colourOf(si);
    const dash = dashOf(si, s.dashed);
    const strokeWidth = s.emphasis ? 3 : 1.8;
    let path = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${num(x(i))} ${num(axis.y(v))}`;
      pen = true;
    });
    if (path.includes('L')) {
      parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="${strokeWidth}"${dash ? ` stroke-dasharray="${dash}"` : ''} stroke-linejoin="round"/>`);
    }
    s.values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) return;
      parts.push(`<circle cx="${num(x(i))}" cy="${num(axis.y(v))}" r="${s.emphasis ? 3.5 : 2.5}" fill="${colour}"><title>${escapeHtml(`${s.name} · ${spec.categories[i] ?? ''}: ${format(v)}`)}</title></circle>`);
    });
  });
  const key = spec.series.length > 1 ? legend(spec.series.map((s, si) => ({ name: s.name, colour: colourOf(si), dash: dashOf(si, s.dashed) })), left, height - 4, right - left) : { svg: '', height: 0 };
  return `${open(width, height + key.height, spec.title)}${parts.join('')}${key.svg}</svg>`;
}

/** Bars side by side for each category; negative values hang below the zero line. */
export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? 640;
  const height = spec.height ?? 200;
  if (spec.categories.length === 0 || !hasValues(spec.series)) return emptyChart(spec.title, spec.empty, width);
  const format = spec.format ?? plain;
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const minStep = spec.integer ? 1 : 0;
  const [lo, hi] = niceRange(values, undefined, undefined, minStep);
  const left = leftMargin(lo, hi, format, minStep);
  const right = width - 12;
  const top = 14;
  const bottom = height - 26;
  const band = (right - left) / spec.categories.length;
  const x = (i: number) => left + band * (i + 0.5);
  const axis = yAxis(lo, hi, left, right, top, bottom, format, minStep);
  const n = spec.series.length;
  const barWidth = Math.min(36, (band * 0.75) / n);
  const labelled = spec.categories.length * n <= 16;
  const parts: string[] = [axis.svg, xLabels(spec.categories, x, band, bottom + 16)];
  spec.categories.forEach((category, i) => {
    if (spec.highlight === i) parts.push(`<rect x="${num(x(i) - band / 2 + 2)}" y="${top - 10}" width="${num(band - 4)}" height="${num(bottom - top + 10)}" fill="#f1f5fb"/>`);
    spec.series.forEach((s, si) => {
      const v = s.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const bx = x(i) - (barWidth * n) / 2 + barWidth * si;
      const y0 = axis.y(Math.max(lo, 0));
      const y1 = axis.y(v);
      parts.push(
        `<rect x="${num(bx + 1)}" y="${num(Math.min(y0, y1))}" width="${num(barWidth - 2)}" height="${num(Math.max(0.5, Math.abs(y1 - y0)))}" fill="${colourOf(si)}"><title>${escapeHtml(`${s.name} · ${category}: ${format(v)}`)}</title></rect>`,
      );
      if (labelled && v !== 0) parts.push(text(bx + barWidth / 2, v >= 0 ? y1 - 3 : y1 + 11, format(v), `text-anchor="middle" font-size="9" fill="#333"`));
    });
  });
  const key = n > 1 ? legend(spec.series.map((s, si) => ({ name: s.name, colour: colourOf(si), box: true })), left, height - 4, right - left) : { svg: '', height: 0 };
  return `${open(width, height + key.height, spec.title)}${parts.join('')}${key.svg}</svg>`;
}

/** A funnel: one bar a stage, as wide as what reached it; the leakiest stage's losses are marked. */
export function funnelChart(spec: FunnelSpec): string {
  const width = spec.width ?? 640;
  const rowHeight = 30;
  if (spec.stages.length === 0 || !spec.stages.some((s) => s.count > 0)) return emptyChart(spec.title, spec.empty, width);
  const labelWidth = Math.min(150, Math.max(...spec.stages.map((s) => textWidth(s.label))) + 12);
  const noteWidth = 250;
  const left = labelWidth;
  const span = width - left - noteWidth;
  const centre = left + span / 2;
  const max = Math.max(...spec.stages.map((s) => s.count));
  const height = spec.stages.length * rowHeight + 8;
  const parts: string[] = [];
  spec.stages.forEach((stage, i) => {
    const y = 4 + i * rowHeight;
    const w = Math.max(4, (stage.count / max) * span);
    const leak = i === spec.leakiest;
    parts.push(text(left - 8, y + 17, fit(stage.label, labelWidth - 10), 'text-anchor="end" fill="#333"'));
    parts.push(`<rect x="${num(centre - w / 2)}" y="${y + 2}" width="${num(w)}" height="${rowHeight - 6}" rx="2" fill="${leak ? '#D55E00' : '#0072B2'}" fill-opacity="${num(0.9 - i * 0.1)}"/>`);
    const inside = textWidth(stage.countText) + 8 < w;
    parts.push(text(inside ? centre : centre + w / 2 + 4, y + 18, stage.countText, inside ? 'text-anchor="middle" fill="#fff" font-weight="bold"' : 'fill="#333"'));
    if (stage.lostText) {
      const note = leak ? `◀ ${stage.lostText} · ${spec.leakLabel}` : stage.lostText;
      parts.push(text(left + span + 8, y + 18, fit(note, noteWidth - 10), leak ? 'fill="#B03A00" font-weight="bold"' : 'fill="#666"'));
    }
  });
  return `${open(width, height, spec.title)}${parts.join('')}</svg>`;
}

/** KPI lights: one row a territory, one cell a week, rounds marked above. */
export function kpiGrid(spec: KpiGridSpec): string {
  const width = spec.width ?? 640;
  const columns = spec.groups.reduce((s, g) => s + g.span, 0);
  if (spec.rows.length === 0 || columns === 0) return emptyChart(spec.title, spec.empty, width);
  const labelWidth = Math.min(130, Math.max(...spec.rows.map((r) => textWidth(r.label))) + 10);
  const cell = Math.min(24, (width - labelWidth - 4) / columns);
  // Rows stay tall enough for their labels however narrow the weeks get.
  const rowHeight = Math.max(cell, 15);
  const gap = 1;
  const top = 18;
  const gridHeight = spec.rows.length * (rowHeight + gap);
  const parts: string[] = [];
  let col = 0;
  for (const g of spec.groups) {
    const gx = labelWidth + col * cell;
    if (col > 0) parts.push(`<line x1="${num(gx - 0.5)}" y1="${top - 14}" x2="${num(gx - 0.5)}" y2="${num(top + gridHeight)}" stroke="#999"/>`);
    if (textWidth(g.label) <= g.span * cell + 2) parts.push(text(gx + (g.span * cell) / 2, top - 5, g.label, `text-anchor="middle" ${AXIS}`));
    col += g.span;
  }
  spec.rows.forEach((row, ri) => {
    const y = top + ri * (rowHeight + gap);
    parts.push(text(labelWidth - 6, y + rowHeight / 2 + 4, fit(row.label, labelWidth - 8), 'text-anchor="end" fill="#333"'));
    for (let c = 0; c < columns; c++) {
      const light = row.lights[c] ?? null;
      parts.push(`<rect x="${num(labelWidth + c * cell + gap / 2)}" y="${num(y)}" width="${num(cell - gap)}" height="${num(rowHeight)}" fill="${LIGHT_COLOURS[light ?? 'none']}"><title>${escapeHtml(`${row.label}: ${spec.legend[light ?? 'none']}`)}</title></rect>`);
    }
  });
  const key = legend(
    (['green', 'yellow', 'red', 'none'] as const).map((l) => ({ name: spec.legend[l], colour: LIGHT_COLOURS[l], box: true })),
    labelWidth,
    top + gridHeight + 4,
    width - labelWidth,
  );
  return `${open(width, top + gridHeight + 10 + key.height, spec.title)}<g shape-rendering="crispEdges">${parts.join('')}</g>${key.svg}</svg>`;
}
