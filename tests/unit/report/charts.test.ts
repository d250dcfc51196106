import { describe, expect, it } from 'vitest';
import { barChart, funnelChart, kpiGrid, lineChart } from '../../../ui/report/charts.ts';
import { escapeHtml } from '../../../ui/report/escape.ts';
import { niceRange, niceTicks } from '../../../ui/report/svg.ts';

const HOSTILE = '<script>alert("x")</script> & \'quoted\'';
const legend = { green: 'on target', yellow: 'in band', red: 'red', none: 'none' };

/** Markup with no raw hostile text in it: tags and quotes only where the builder put them. */
function expectEscaped(svg: string): void {
  expect(svg).not.toContain('<script>');
  expect(svg).not.toContain('"x")');
  expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('lineChart', () => {
  it('escapes its title, series names and category labels', () => {
    const svg = lineChart({ title: HOSTILE, empty: 'none', categories: [HOSTILE, 'R2'], series: [{ name: HOSTILE, values: [1, 2] }, { name: 'b', values: [2, 1] }] });
    expectEscaped(svg);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<svg/g)).toHaveLength(1);
  });

  it('draws a dot for a single round, and no line', () => {
    const svg = lineChart({ title: 't', empty: 'none', categories: ['R1'], series: [{ name: 'a', values: [55] }] });
    expect(svg).toContain('<circle');
    expect(svg).not.toMatch(/<path d="M[^"]*L/);
  });

  it('joins rounds with a line and leaves gaps at missing values', () => {
    const svg = lineChart({ title: 't', empty: 'none', categories: ['1', '2', '3', '4'], series: [{ name: 'a', values: [1, 2, null, 4] }] });
    const d = /<path d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(3);
  });

  it('says there is nothing to draw when there is no data', () => {
    for (const spec of [
      { title: 't', empty: 'no data <yet>', categories: [], series: [] },
      { title: 't', empty: 'no data <yet>', categories: ['R1'], series: [{ name: 'a', values: [null] }] },
    ]) {
      const svg = lineChart(spec);
      expect(svg).toContain('no data &lt;yet&gt;');
      expect(svg).not.toContain('<circle');
    }
  });

  it('draws a guide line with its label', () => {
    const svg = lineChart({ title: 't', empty: '', categories: ['1', '2'], series: [{ name: 'a', values: [60, 40] }], yMin: 0, yMax: 100, guide: { value: 50, label: 'below 50 & falling' } });
    expect(svg).toContain('below 50 &amp; falling');
    expect(svg).toContain('stroke-dasharray="3 3"');
  });
});

describe('barChart', () => {
  it('hangs negative values below zero and escapes names', () => {
    const svg = barChart({ title: HOSTILE, empty: '', categories: ['a', 'b'], series: [{ name: HOSTILE, values: [5, -3] }] });
    expectEscaped(svg);
    expect(svg.match(/<rect /g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('steps its axis by whole numbers for counts', () => {
    const svg = barChart({ title: 't', empty: '', categories: ['1', '2'], series: [{ name: 'left', values: [0, 1] }], integer: true });
    const labels = [...svg.matchAll(/text-anchor="end" fill="#555">([^<]+)</g)].map((m) => m[1]);
    expect(labels.every((l) => /^-?\d+$/.test(l!))).toBe(true);
  });

  it('is empty without data', () => {
    expect(barChart({ title: 't', empty: 'nothing', categories: [], series: [] })).toContain('nothing');
  });
});

describe('funnelChart', () => {
  const stages = ['Leads', 'Qualified', 'Proposals', 'Negotiations', 'Won'].map((label, i) => ({ label, count: 100 / (i + 1), countText: String(100 / (i + 1)), lostText: i < 4 ? `−${i}` : '' }));

  it('marks the leakiest stage and only that one', () => {
    const svg = funnelChart({ title: 'f', empty: '', stages, leakiest: 2, leakLabel: 'leakiest <stage>' });
    expect(svg.match(/leakiest &lt;stage&gt;/g)).toHaveLength(1);
    expect(svg.match(/#D55E00/g)).toHaveLength(1);
  });

  it('marks nothing when no stage leaked, and is empty with no deals', () => {
    expect(funnelChart({ title: 'f', empty: '', stages, leakiest: -1, leakLabel: 'LEAK' })).not.toContain('LEAK');
    expect(funnelChart({ title: 'f', empty: 'no deals', stages: stages.map((s) => ({ ...s, count: 0 })), leakiest: -1, leakLabel: '' })).toContain('no deals');
  });

  it('escapes stage labels, even when it cuts a long one short', () => {
    const svg = funnelChart({ title: 'f', empty: '', stages: [{ ...stages[0]!, label: HOSTILE }, { ...stages[1]!, label: '<b>"x"</b>' }], leakiest: -1, leakLabel: '' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  });
});

describe('kpiGrid', () => {
  it('draws a cell a week, coloured by its light, grey where there was no KPI', () => {
    const svg = kpiGrid({
      title: 'k',
      empty: '',
      rows: [{ label: HOSTILE, lights: ['green', 'yellow', 'red', null] }],
      groups: [{ label: 'R1', span: 4 }],
      legend,
    });
    expectEscaped(svg);
    for (const colour of ['#2E9D5B', '#E8B824', '#D64541', '#E4E4E4']) expect(svg).toContain(`fill="${colour}"`);
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(4);
  });

  it('is empty with no territory or no week', () => {
    expect(kpiGrid({ title: 'k', empty: 'no KPI', rows: [], groups: [{ label: 'R1', span: 4 }], legend })).toContain('no KPI');
    expect(kpiGrid({ title: 'k', empty: 'no KPI', rows: [{ label: 'a', lights: [] }], groups: [], legend })).toContain('no KPI');
  });
});

describe('axes', () => {
  it('pick round steps and ranges', () => {
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0, 1, 4, 1)).toEqual([0, 1]);
    expect(niceRange([3, 47])).toEqual([0, 60]);
    expect(niceRange([-5, 12])).toEqual([-5, 15]);
    const [lo, hi] = niceRange([9.4, 23.1], 'auto');
    expect(lo).toBeGreaterThan(0);
    expect(lo).toBeLessThan(9.4);
    expect(hi).toBeGreaterThanOrEqual(23.1);
  });
});
