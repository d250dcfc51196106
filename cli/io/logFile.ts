import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';

/** A file as a stream of byte chunks, for the engine's streaming log reader. */
export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 1 << 16 });
}

/**
 * Writes lines to `path` with back-pressure, via a temporary file renamed at the end, so a
 * crash never leaves half a log under the real name.
 */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const temp = `${path}.partial`;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  try {
    for (const line of lines) {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    await rename(temp, path);
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}
