/**
 * A workshop's log as a file: fetched with the bearer token in a header (never in the URL),
 * saved in the browser's downloads, and verified here, round by round, with the same engine.
 */
import { verifyLog, type VerifyResult } from '../../engine/core/verify.ts';
import { catalogFor, replayCheckerFor } from '../../engine/kinds.ts';
import { h } from '../dom.ts';

export type FetchedLog = { readonly ok: true; readonly text: string; readonly fileName: string } | { readonly ok: false; readonly message: string };

export async function fetchLog(session: string, token: string, locale: string): Promise<FetchedLog> {
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(session)}/log`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': locale },
      cache: 'no-store',
    });
    const text = await res.text();
    if (!res.ok) return { ok: false, message: text.trim() || `HTTP ${res.status}` };
    const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
    return { ok: true, text, fileName: named?.[1] ?? `shapan-${session}.jsonl` };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Hands a text to the browser as a downloaded file. */
export function saveFile(fileName: string, text: string): void {
  const a = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'application/x-ndjson' })), download: fileName });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Replays the whole log in the browser: chain, trailer and every round against its state hash. */
export function verifyText(text: string): Promise<VerifyResult> {
  return verifyLog([text], catalogFor, { checkerFor: replayCheckerFor });
}
