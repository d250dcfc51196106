import { logLines } from '../../../engine/core/jsonl.ts';
import { Replay } from '../../../engine/core/replay.ts';
import { LogVerifier } from '../../../engine/core/verify.ts';
import { portableSha256Hex, useSha256 } from '../../../engine/core/hash.ts';
import { useNativeSha256 } from '../../io/nativeHash.ts';
import { useWasmSha256 } from '../../../ui/io/wasmHash.ts';
import { catalogFor } from '../../../engine/kinds.ts';
import { resolveRound } from '../../../engine/model/round/resolveRound.ts';
import { playBotSession } from '../../../engine/session/botSession.ts';
import { sessionDecider } from '../../../engine/session/decider.ts';
import { decisionsToPlay } from '../../../engine/session/roundPlay.ts';
import { loadBuiltIn } from '../../../scenarios/library.ts';
import type { BenchSuite } from '../entry.ts';
import { compareTimes } from '../measure.ts';

/** A small deterministic sequence of positions, so every run seeks the same places. */
function positions(count: number, max: number): number[] {
  const out: number[] = [];
  let x = 12345;
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(1 + (x % max));
  }
  return out;
}

export const suite: BenchSuite = {
  name: 'replay',
  async run() {
    const loaded = loadBuiltIn('workshop');
    if (!loaded.ok) throw new Error('the workshop scenario does not load');
    const seed = 'bench-replay';
    const bots = ['balanced', 'random', 'max-discount', 'all-promotion', 'never-discount', 'zero-training', 'all-long-tail', 'static-even-split'];
    const session = playBotSession({ scenario: loaded.scenario, scenarioHash: loaded.hash, seed, bots, mode: 'shared' });
    const events = session.log.events;
    const lines = [...logLines(session.header, events)];
    const text = `${lines.join('\n')}\n`;

    // The viewer's replay: every event applied once when the log is opened, a snapshot at each round.
    const replay = new Replay(sessionDecider(seed), session.header);
    for (const e of events) replay.apply(e);
    const where = positions(48, events.length);
    let i = 0;
    let sink = 0;
    // One round of the same session: the state right after its closing, resolved again.
    const closeSeq = events.find((e) => e.type === 'RoundClosed' && e.round === 6)!.seq;
    const closed = replay.seek(closeSeq);
    const played = decisionsToPlay(closed, seed, (events[closeSeq - 1]!.payload as unknown as { sources: never }).sources);
    const firms = closed.scenario!.firms;
    const decisions = firms.map((f) => played.find((p) => closed.teams.find((t) => t.id === p.team)?.firm === f.id)?.decisions ?? null);
    const seek_vs_round = await compareTimes({
      subject: () => {
        sink += replay.seek(where[i++ % where.length]!).round;
      },
      baseline: () => {
        sink += resolveRound(closed.markets[0]!, { scenario: closed.scenario!, seed, round: closed.round, decisions, injected: [] }).outcome.round;
      },
      baselineLabel: 'resolving one round of the same 12-round, 8-team workshop session',
      target: 1,
      better: 'lower',
      clock: 'cpu',
      runs: 24,
    });

    const open = (label: string, form: 'bytes' | 'strict' = 'bytes') =>
      compareTimes({
        // Opening a log as the viewer, the report and the game do: every line parsed, checked
        // for shape, its bytes hashed and chained, its type and version known (the rounds are
        // re-run as it opens; that is the checker, measured by seek_vs_round's baseline). `strict`
        // is `replay verify`: every line also re-serialised to prove its canonical form.
        subject: () => {
          const verifier = new LogVerifier(catalogFor, { form });
          for (const line of lines) verifier.line(line);
          const result = verifier.finish();
          sink += result.ok ? result.count : -1;
        },
        baseline: () => {
          for (const line of lines) sink += (JSON.parse(line) as { seq?: number }).seq ?? 0;
        },
        baselineLabel: `JSON.parse of the ${lines.length} lines of the same session log (${(text.length / 1e6).toFixed(1)} MB)${label}`,
        target: 2,
        better: 'lower',
        clock: 'cpu',
        // Warm, and several opens a run: one open is a few milliseconds, close to the process
        // clock's grain, and the first ones still run unoptimised code.
        warmup: 10,
        batch: 3,
        runs: 30,
      });
    // In Node (the CLI, the server) SHA-256 is OpenSSL's; in the browser the engine's portable one.
    useNativeSha256();
    const native = await open('; SHA-256 by Node (OpenSSL)');
    const strict = await open('', 'strict');
    // The browser: WebAssembly SHA-256 once it has compiled, the portable one before that (or without WebAssembly).
    if (!(await useWasmSha256())) throw new Error('the WebAssembly SHA-256 did not load');
    const wasm = await open('; SHA-256 by WebAssembly, as in the browser');
    useSha256(portableSha256Hex);
    const portable = await open('; SHA-256 by the portable implementation');
    const open_vs_parse = { ...native, details: { ...native.details, browser_wasm_sha256_ratio: wasm.ratio, portable_sha256_ratio: portable.ratio, strict_verify_ratio: strict.ratio } };
    if (sink === -1) console.log(sink);
    return { 'replay.seek_vs_round': seek_vs_round, 'replay.open_vs_parse': open_vs_parse };
  },
};
