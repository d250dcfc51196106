import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startServer, type RunningServer } from '../../../server/app.ts';

/**
 * Builds the UI into a temporary folder and serves it on a free loopback port. With
 * `persistent`, sessions go to a SQLite file in a temporary folder (removed by dispose) instead
 * of memory, as `npm start` keeps them.
 */
export async function serveBuiltApp(options: { persistent?: boolean } = {}): Promise<RunningServer & { dispose(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'shapan-dist-'));
  const dataDir = options.persistent ? await mkdtemp(join(tmpdir(), 'shapan-data-')) : null;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const running = await startServer({ port: 0, host: '127.0.0.1', distDir: outDir, ...(dataDir ? { dataFile: join(dataDir, 'sessions.sqlite') } : {}) });
  return {
    ...running,
    dispose: async () => {
      await running.close();
      await rm(outDir, { recursive: true, force: true });
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
