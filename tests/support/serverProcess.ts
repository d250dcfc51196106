import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { SessionClient, type SocketLike } from '../../ui/net/sessionClient.ts';

export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly dataFile: string;
  readonly child: ChildProcess;
  /** Stops it politely (SIGTERM) or as a crash would (SIGKILL). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A directory with a stand-in for the built UI: these tests talk to the server, not the pages. */
function fakeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shapan-dist-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title>');
  return dir;
}

/**
 * Starts `server/main.ts` as its own process on a free port, with the given SQLite file; `env`
 * adds to (or overrides) its environment, e.g. SHAPAN_MESSAGES_PER_SECOND for load tests.
 */
export async function startServerProcess(
  dataFile = join(mkdtempSync(join(tmpdir(), 'shapan-data-')), 'shapan.db'),
  port = 0,
  env: Readonly<Record<string, string>> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SHAPAN_DATA: dataFile, SHAPAN_DIST: process.env.SHAPAN_DIST ?? fakeDist(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/[^\s]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
  const wsUrl = `${url.replace(/^http/, 'ws')}ws`;
  return {
    url,
    wsUrl,
    dataFile,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

export function wsFactory(url: string): SocketLike {
  return new WebSocket(url) as unknown as SocketLike;
}

export function newClient(wsUrl: string, name: string): SessionClient {
  return new SessionClient(wsUrl, wsFactory, name);
}

/** Waits until `check` holds for the client (after each change it reports), or fails after `ms`. */
export function until(client: SessionClient, check: () => boolean, ms = 20_000, what = 'condition'): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const off = client.subscribe(() => {
      if (check()) {
        clearTimeout(timer);
        off();
        resolve();
      }
    });
  });
}
