import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { useNativeSha256 } from '../cli/io/nativeHash.ts';
import { logExport } from './http/logExport.ts';
import { SessionRegistry } from './session/registry.ts';
import { staticFiles } from './staticFiles.ts';
import { SessionStore } from './store/sessionStore.ts';
import { Connection, defaultLimits, type Limits } from './ws/connection.ts';

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  /** The built UI (vite build output). */
  readonly distDir: string;
  /** The SQLite file; ":memory:" (the default) for a throwaway server. */
  readonly dataFile?: string;
  readonly limits?: Limits;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly registry: SessionRegistry;
  /** Sessions whose round clock was running, reopened at start. */
  readonly resumed: number;
  close(): Promise<void>;
}

/** Frames above this are cut off by ws itself; below it, the connection answers with a refusal. */
const MAX_FRAME_BYTES = 1024 * 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  useNativeSha256();
  const store = new SessionStore(options.dataFile ?? ':memory:');
  const registry = new SessionRegistry(store);
  const resumed = registry.resumeClocks();
  const serveStatic = staticFiles(options.distDir);
  const exportLog = logExport(registry);
  const server = createServer((req, res) => {
    try {
      if (exportLog(req, res)) return;
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error');
      return;
    }
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    });
  });
  const limits = options.limits ?? defaultLimits();
  const wss = new WebSocketServer({ server, path: '/ws', maxPayload: MAX_FRAME_BYTES });
  wss.on('connection', (ws, req) => {
    const connection = new Connection(ws, req.socket.remoteAddress ?? 'unknown', registry, limits);
    ws.on('message', (data) => connection.receive(data as Buffer));
    ws.on('close', () => connection.closed());
    ws.on('error', () => connection.closed());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/`,
    server,
    registry,
    resumed,
    close: async () => {
      registry.stop();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
