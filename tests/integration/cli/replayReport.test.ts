import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logLines } from '../../../engine/core/jsonl.ts';
import { sectionHeadings } from '../../../ui/report/reportHtml.ts';
import { teamSession } from '../../support/teamSession.ts';
import { replay } from '../../support/cliRun.ts';

/** A file that opens anywhere, offline: no link to the web, no script, no outside resource. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link|@import|url\(/i);
}

/** Refused with a message a person can act on, not a stack trace. */
function expectRefused(r: { code: number; stderr: string }, code: number, message: string): void {
  expect(r.code).toBe(code);
  expect(r.stderr).toContain(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('internal error');
}

describe('npm run replay -- report', () => {
  let dir: string;
  let log: string;
  const session = teamSession('cli-report');
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shapan-report-'));
    log = join(dir, 'workshop.jsonl');
    await writeFile(log, [...logLines(session.header, session.log.events)].join('\n') + '\n');
  });

  it('writes one team\'s report in Chinese', async () => {
    const out = join(dir, 'one.html');
    const r = await replay('report', log, '--team', 't1', '--lang', 'zh-CN', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(out);
    expect(r.stdout).toContain('One');
    const html = await readFile(out, 'utf8');
    expectSelfContained(html);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('One');
    for (const heading of sectionHeadings('zh-CN', { team: 't1' })) expect(html, heading).toContain(heading);
    expect(html).toContain('<svg');
    expect(html.match(/<article class="team/g)).toHaveLength(1);
  });

  it('writes a folder of reports to hand out with --team each: the group\'s, and one for each team with people', async () => {
    const folder = join(dir, 'handouts', 'day-1');
    const r = await replay('report', log, '--team', 'each', '--lang', 'en', '--out', folder);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['report-group.html', 'report-t1.html', 'report-t2.html']);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    const one = await readFile(join(folder, 'report-t1.html'), 'utf8');
    expectSelfContained(one);
    expect(one.match(/<article class="team/g)).toHaveLength(1);
    expect(one).toBe(await readFile(join(folder, 'report-t1.html'), 'utf8'));
    // The same report as asking for that team alone.
    const alone = join(dir, 'alone-t2.html');
    expect((await replay('report', log, '--team', 't2', '--lang', 'en', '--out', alone)).code).toBe(0);
    expect(await readFile(join(folder, 'report-t2.html'), 'utf8')).toBe(await readFile(alone, 'utf8'));
    // A folder that cannot be made is refused before anything is re-run.
    expectRefused(await replay('report', log, '--team', 'each', '--out', join(log, 'inside-a-file')), 2, 'cannot write the report');
  });

  it('writes the whole group\'s report in English, the same with --team all', async () => {
    const out = join(dir, 'group.html');
    const r = await replay('report', log, '--lang', 'en', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('whole group (3 teams, 4 rounds)');
    const html = await readFile(out, 'utf8');
    expectSelfContained(html);
    for (const name of ['One', 'Two', 'AI']) expect(html).toContain(name);
    for (const heading of sectionHeadings('en', 'group')) expect(html, heading).toContain(heading);
    expect(html.match(/<svg/g)!.length).toBeGreaterThan(10);
    expect(html.match(/<article class="team/g)).toHaveLength(3);
    const all = join(dir, 'all.html');
    expect((await replay('report', log, '--team', 'all', '--lang', 'en', '--out', all)).code).toBe(0);
    expect(await readFile(all, 'utf8')).toBe(html);
  });

  it('explains bad input', async () => {
    const out = join(dir, 'x.html');
    const lines = (await readFile(log, 'utf8')).split('\n');
    const tampered = join(dir, 'tampered.jsonl');
    await writeFile(tampered, lines.map((l, i) => (i === 3 ? l.replace('"round":1', '"round":3') : l)).join('\n'));
    // A live session's export: the header keeps only the seed's commitment.
    const { seed: _hidden, ...header } = session.header;
    const live = join(dir, 'live.jsonl');
    await writeFile(live, [...logLines(header, session.log.events)].join('\n') + '\n');

    const cases: [string[], number, string][] = [
      [['--team', 'nobody', '--out', out], 1, 'there is no team "nobody" in this session (teams: t1, t2, ai)'],
      [['--out', join(dir, 'no-such-folder', 'x.html')], 2, 'cannot write the report to'],
      [['--out', dir], 2, 'cannot write the report to'],
      [['--lang', 'fr', '--out', out], 2, '--lang must be zh-CN, zh-TW or en'],
      [['--team', 't1'], 2, '--out <report.html> is required'],
    ];
    const results = await Promise.all([
      ...cases.map(([args]) => replay('report', log, ...args)),
      replay('report', join(dir, 'missing.jsonl'), '--out', out),
      replay('report', tampered, '--out', out),
      replay('report', live, '--out', out),
      replay('report', live, '--lang', 'zh-CN', '--out', out),
    ]);
    cases.forEach(([, code, message], i) => expectRefused(results[i]!, code, message));
    const [missing, broken, hidden, hiddenZh] = results.slice(cases.length);
    expectRefused(missing!, 2, 'cannot read');
    expectRefused(broken!, 1, 'first bad event');
    expectRefused(hidden!, 1, 'holds no seed');
    expectRefused(hiddenZh!, 1, '表头没有种子');
  });
});
