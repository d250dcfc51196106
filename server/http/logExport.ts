import type { IncomingMessage, ServerResponse } from 'node:http';
import { logLines } from '../../engine/core/jsonl.ts';
import { withRevealedSeed } from '../../engine/core/header.ts';
import { describeRejection } from '../../engine/i18n/describe.ts';
import { matchLocale } from '../../engine/i18n/locale.ts';
import type { SessionRegistry } from '../session/registry.ts';

const ROUTE = /^\/api\/sessions\/([0-9a-f]{16})\/log$/;

/**
 * GET /api/sessions/<id>/log with `Authorization: Bearer <token>`: the session's log as JSON
 * Lines with a trailer. The facilitator may take it at any time (header without the seed);
 * everyone else once the session has ended, when the header carries the revealed seed and
 * `npm run replay -- verify` re-runs every round. Tokens travel in a header, never in a URL,
 * so they do not end up in access logs.
 */
export function logExport(registry: SessionRegistry) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = ROUTE.exec(url.pathname);
    if (!match) return false;
    const locale = matchLocale(req.headers['accept-language']?.split(',')[0]);
    const fail = (status: number, code: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(describeRejection({ kind: 'rejected', code }, locale));
    };
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const row = token.length >= 16 && token.length <= 128 ? registry.authenticate(token) : undefined;
    const session = row && row.session === match[1] ? registry.get(row.session) : undefined;
    if (!row || !session) return (fail(401, 'protocol.bad-token'), true);
    // Only committed events leave the server.
    if (!session.settle()) return (fail(503, 'server.store-failed'), true);
    const ended = session.state.status === 'ended';
    if (!ended && row.role !== 'facilitator') return (fail(403, 'server.ended-export'), true);
    const header = ended ? withRevealedSeed(session.log.header, session.row.seed) : session.log.header;
    const head = session.log.headHash;
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="shapan-${header.scenario.id}-${head.slice(0, 12)}.jsonl"`,
      'cache-control': 'no-store',
    });
    for (const line of logLines(header, session.log.events)) res.write(`${line}\n`);
    res.end();
    return true;
  };
}
