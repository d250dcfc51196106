/**
 * npm run replay -- verify <log.jsonl> [--head <hash>] [--lang zh-CN|zh-TW|en]
 * npm run replay -- fork <log.jsonl> --at-round <n> --team <id> [--decisions <file.json>]
 *     [--move-seq <seq> --move <file.json|JSON> [--drop-later-moves]] --out <branch.jsonl>
 * npm run replay -- report <log.jsonl> [--team <id>|all|each] [--lang zh-CN|zh-TW|en] --out <report.html | folder>
 * npm run replay -- demo <out.jsonl> [--events <n>] [--seed <s>]
 * Exit 0: fine; 1: the log is bad (or cannot be re-run, or has no such team); 2: the command
 * line or the file system is.
 *
 * `fork --move-seq` replaces one of the team's logged negotiation moves in round n (its seq, as
 * the viewer's timeline shows it) with the `--move` given inline or in a file; the later moves of
 * that talk are replayed where they still fit, or left out with --drop-later-moves. A move that is
 * not valid JSON or not a move's shape exits 2 before anything is read or written.
 *
 * `report` writes the debrief report as one self-contained HTML file: for one team with
 * --team <id>, for the whole group without --team or with --team all (the teams compared, then
 * each team's own pages); with --team each, --out is a folder that gets the group's report and
 * one per team with people in it, to hand out.
 */
import { parseArgs } from 'node:util';
import { logLines } from '../engine/core/jsonl.ts';
import { readLog, verifyLog } from '../engine/core/verify.ts';
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { forkSession } from '../engine/session/fork.ts';
import type { Decisions } from '../engine/model/decisions.ts';
import type { MoveChange } from '../engine/session/forkMove.ts';
import { canonicalJson } from '../engine/core/canonicalJson.ts';
import { readMoveArg } from './io/moveArg.ts';
import { playLedger } from '../engine/core/demo/ledgerScript.ts';
import { describeLogProblem, describeRejection, describeRejectionIn, t } from '../engine/i18n/describe.ts';
import { catalogFor, replayCheckerFor } from '../engine/kinds.ts';
import { cliLocale } from './io/locale.ts';
import { fileChunks, writeLines } from './io/logFile.ts';
import type { Locale } from '../engine/i18n/locale.ts';
import { runCli, UsageError } from './io/runCli.ts';
import { reportHtml, type ReportScope } from '../ui/report/reportHtml.ts';
import { readDebriefSession } from '../ui/report/sessionLog.ts';


function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        head: { type: 'string' },
        lang: { type: 'string' },
        events: { type: 'string' },
        seed: { type: 'string' },
        'at-round': { type: 'string' },
        team: { type: 'string' },
        decisions: { type: 'string' },
        'move-seq': { type: 'string' },
        move: { type: 'string' },
        'drop-later-moves': { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function verify(file: string, expectedHead: string | undefined, locale: Locale): Promise<number> {
  let result;
  try {
    result = await verifyLog(fileChunks(file), catalogFor, { checkerFor: replayCheckerFor });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    console.error(t(locale, 'cli.file-unreadable', { file, reason }));
    return 2;
  }
  if (!result.ok) {
    console.error(describeLogProblem(result.problem, locale));
    return 1;
  }
  const head = result.count === 0 ? result.headerHash : result.head;
  if (expectedHead !== undefined && expectedHead.toLowerCase() !== head) {
    console.error(t(locale, 'cli.head-mismatch', { actual: head, expected: expectedHead }));
    return 1;
  }
  console.log(t(locale, 'log.verified', { count: result.count, head }));
  return 0;
}

interface ForkArgs {
  readonly file: string;
  readonly atRound: number;
  readonly team: string;
  readonly decisions?: string;
  /** The logged move to change, the new move as typed (inline JSON or a file) and what the later moves do. */
  readonly move?: { readonly seq: number; readonly value: string; readonly drop: boolean };
  readonly out: string;
}

async function fork(a: ForkArgs, locale: Locale): Promise<number> {
  let decisions: Decisions | undefined;
  if (a.decisions !== undefined) {
    try {
      decisions = JSON.parse(await readFile(a.decisions, 'utf8')) as Decisions;
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      console.error(t(locale, 'cli.decisions-file', { file: a.decisions, reason }));
      return 2;
    }
    if (typeof decisions !== 'object' || decisions === null || Array.isArray(decisions)) {
      console.error(t(locale, 'cli.decisions-file', { file: a.decisions, reason: 'not a JSON object' }));
      return 2;
    }
  }
  let move: MoveChange | undefined;
  if (a.move) {
    const arg = await readMoveArg(a.move.value, locale);
    if (!arg.ok) {
      console.error(arg.message);
      return 2;
    }
    move = { seq: a.move.seq, move: arg.move, later: a.move.drop ? 'drop' : 'replay' };
  }
  let read;
  try {
    read = await readLog(fileChunks(a.file), catalogFor, { checkerFor: replayCheckerFor });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    console.error(t(locale, 'cli.file-unreadable', { file: a.file, reason }));
    return 2;
  }
  if (!read.ok) {
    console.error(describeLogProblem(read.problem, locale));
    return 1;
  }
  const result = forkSession(read.header, read.events, { atRound: a.atRound, team: a.team, ...(decisions ? { decisions } : {}), ...(move ? { move } : {}), createdAt: new Date().toISOString() });
  if (!result.ok) {
    console.error(describeRejection({ kind: 'rejected', code: result.code, ...(result.params ? { params: result.params } : {}) }, locale));
    return 1;
  }
  const branch = result.branch;
  await writeLines(a.out, logLines(branch.header, branch.log.events));
  console.log(t(locale, 'cli.fork.written', { parent: read.head.slice(0, 12), round: a.atRound, team: a.team, count: branch.log.lastSeq, out: a.out, head: branch.log.headHash }));
  console.log(result.sameRounds.length > 0 ? t(locale, 'cli.fork.same', { rounds: result.sameRounds.join(', ') }) : t(locale, 'cli.fork.none-same'));
  if (move) {
    const logged = read.events.find((e) => e.seq === move.seq)!.payload as { move: unknown };
    const later = t(locale, move.later === 'drop' ? 'cli.fork.later-drop' : 'cli.fork.later-replay');
    console.log(t(locale, 'cli.fork.move-changed', { seq: move.seq, team: a.team, from: canonicalJson(logged.move), to: canonicalJson(move.move), later }));
  }
  for (const n of result.notes) {
    const reason = describeRejectionIn({ kind: 'rejected', code: n.code, ...(n.params ? { params: n.params } : {}) }, locale, branch.state.scenario);
    const key = n.type === 'NegotiationMoved' ? 'cli.fork.move-note' : 'cli.fork.note';
    console.log(t(locale, key, { round: n.round, type: n.type, team: n.team, seq: n.seq, reason }));
  }
  return 0;
}

interface ReportArgs {
  readonly file: string;
  /** A team id; absent or `all` for the whole group (a team whose id is "all" wins). */
  readonly team?: string;
  readonly out: string;
}

async function report(a: ReportArgs, locale: Locale): Promise<number> {
  const unwritable = (error: unknown) => {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    console.error(t(locale, 'cli.report.unwritable', { file: a.out, reason }));
    return 2;
  };
  // Refuse a folder that cannot take the file(s) before re-running the whole session.
  const each = a.team === 'each';
  try {
    if (each) await mkdir(a.out, { recursive: true });
    await access(each ? a.out : dirname(a.out), constants.W_OK);
  } catch (error) {
    return unwritable(error);
  }
  let read;
  try {
    read = await readDebriefSession(fileChunks(a.file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    console.error(t(locale, 'cli.file-unreadable', { file: a.file, reason }));
    return 2;
  }
  if (!read.ok) {
    console.error(read.code === 'bad-log' ? describeLogProblem(read.problem, locale) : t(locale, `cli.report.${read.code}`));
    return 1;
  }
  const { state } = read.session;
  const rounds = state.history.length;
  if (each && !state.teams.some((x) => x.id === 'each')) {
    // Every team with people gets its own report; the group's goes beside them for the facilitator.
    const files: [ReportScope, string][] = [['group', 'report-group.html'], ...state.teams.filter((x) => !x.bot).map((x): [ReportScope, string] => [{ team: x.id }, `report-${x.id}.html`])];
    for (const [scope, name] of files) {
      const out = join(a.out, name);
      try {
        await writeFile(out, reportHtml(read.session, locale, scope), 'utf8');
      } catch (error) {
        return unwritable(error);
      }
      const team = scope === 'group' ? undefined : state.teams.find((x) => x.id === scope.team)!;
      console.log(team ? t(locale, 'cli.report.written-team', { team: team.name, rounds, out }) : t(locale, 'cli.report.written-group', { teams: state.teams.length, rounds, out }));
    }
    return 0;
  }
  const group = a.team === undefined || (a.team === 'all' && !state.teams.some((x) => x.id === 'all'));
  const team = group ? undefined : state.teams.find((x) => x.id === a.team);
  if (!group && !team) {
    console.error(t(locale, 'cli.report.unknown-team', { team: a.team ?? '', teams: state.teams.map((x) => x.id).join(', ') }));
    return 1;
  }
  const scope: ReportScope = team ? { team: team.id } : 'group';
  try {
    await writeFile(a.out, reportHtml(read.session, locale, scope), 'utf8');
  } catch (error) {
    return unwritable(error);
  }
  console.log(team ? t(locale, 'cli.report.written-team', { team: team.name, rounds, out: a.out }) : t(locale, 'cli.report.written-group', { teams: state.teams.length, rounds, out: a.out }));
  return 0;
}

async function demo(out: string, events: number, seed: string): Promise<number> {
  const session = playLedger(seed, events);
  await writeLines(out, logLines(session.header, session.log.events));
  console.log(`wrote ${session.log.lastSeq} events to ${out}, head ${session.log.headHash}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let locale = cliLocale();
  try {
    const { values, positionals } = parse(argv);
    locale = cliLocale(values.lang);
    if (values.lang !== undefined && values.lang !== locale) throw new UsageError(`--lang must be zh-CN, zh-TW or en, not "${values.lang}"`);
    const [command, file, ...rest] = positionals;
    if (values.help) {
      console.log(t(locale, 'cli.usage.replay'));
      return 0;
    }
    if (rest.length > 0 || !file) throw new UsageError('');
    if (command === 'verify') return await verify(file, values.head, locale);
    if (command === 'fork') {
      const atRound = Number(values['at-round']);
      if (!Number.isSafeInteger(atRound) || atRound < 1) throw new UsageError('--at-round <n> is required: the round whose decisions change');
      if (!values.team) throw new UsageError('--team <id> is required');
      if (!values.out) throw new UsageError('--out <branch.jsonl> is required');
      const seqText = values['move-seq'];
      if ((seqText === undefined) !== (values.move === undefined)) throw new UsageError(t(locale, 'cli.fork.move-pair'));
      if (values['drop-later-moves'] && seqText === undefined) throw new UsageError(t(locale, 'cli.fork.drop-alone'));
      const seq = seqText !== undefined && /^\s*\d+\s*$/.test(seqText) ? Number(seqText) : Number.NaN;
      if (seqText !== undefined && (!Number.isSafeInteger(seq) || seq < 1)) throw new UsageError(t(locale, 'cli.fork.move-seq', { value: seqText }));
      const move = values.move !== undefined ? { seq, value: values.move, drop: values['drop-later-moves'] === true } : undefined;
      return await fork({ file, atRound, team: values.team, out: values.out, ...(values.decisions !== undefined ? { decisions: values.decisions } : {}), ...(move ? { move } : {}) }, locale);
    }
    if (command === 'report') {
      if (!values.out) throw new UsageError('--out <report.html> is required');
      return await report({ file, out: values.out, ...(values.team !== undefined ? { team: values.team } : {}) }, locale);
    }
    if (command === 'demo') {
      const events = Number(values.events ?? '1000');
      if (!Number.isSafeInteger(events) || events < 1 || events > 10_000_000) throw new UsageError('--events');
      return await demo(file, events, values.seed ?? 'demo');
    }
    throw new UsageError(command ? `unknown command "${command}"` : '');
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(t(locale, 'cli.usage.replay'));
    return 2;
  }
}

runCli(main);
