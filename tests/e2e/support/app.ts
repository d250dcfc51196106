import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startServer, type RunningServer } from '../../../server/app.ts';

/** Builds the UI into a temporary folder and serves it on a free loopback port. */
export async function serveBuiltApp(): Promise<RunningServer & { dispose(): Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'shapan-dist-'));
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const running = await startServer({ port: 0, host: '127.0.0.1', distDir: outDir });
  return {
    ...running,
    dispose: async () => {
      await running.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
