/**
 * Progress of a run on stderr: a cli-progress bar on a terminal, and a plain line at every
 * tenth of the way otherwise (CI logs, pipes), since a redrawn bar would fill those with junk.
 */
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function startProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        stream,
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted} elapsed, ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (done) => bar.update(done),
      stop: () => bar.stop(),
    };
  }
  let lastTenth = 0;
  const started = performance.now();
  return {
    update(done) {
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      stream.write(`${label}: ${Math.floor((done * 100) / total)}% (${done}/${total}) after ${seconds} s\n`);
    },
    stop() {},
  };
}
