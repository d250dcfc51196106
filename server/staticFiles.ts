import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** Serves the built UI from `root`; unknown paths get index.html so client-side routes work. */
export function staticFiles(root: string) {
  const base = resolve(root);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad path');
      return;
    }
    const candidate = resolve(join(base, normalize(pathname)));
    // A path outside the build folder is never served, whatever ../ or encoding it used.
    if (candidate !== base && !candidate.startsWith(base + sep)) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = candidate;
    let info = await stat(file).catch(() => null);
    if (!info || info.isDirectory()) {
      const index = info?.isDirectory() ? join(file, 'index.html') : join(base, 'index.html');
      file = extname(pathname) && !info ? '' : index;
      info = file ? await stat(file).catch(() => null) : null;
    }
    if (!info || !info.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const immutable = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}
