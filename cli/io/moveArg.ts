import { readFile } from 'node:fs/promises';
import { describeRejection, t } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import { moveShapeProblem } from '../../engine/negotiation/moveShape.ts';
import type { Move } from '../../engine/negotiation/types.ts';

export type MoveArg = { readonly ok: true; readonly move: Move } | { readonly ok: false; readonly message: string };

/**
 * `--move` as a facilitator types it: inline JSON (`{"kind":"quote","pricePm":1100}`, anything
 * starting with `{`) or the name of a file holding it. The move must have the engine's strict
 * shape here, so a typo is reported before the log is even read; whether it fits the
 * conversation is the branch's check.
 */
export async function readMoveArg(value: string, locale: Locale): Promise<MoveArg> {
  const inline = value.trimStart().startsWith('{');
  const source = inline ? (value.length > 60 ? `${value.slice(0, 60)}…` : value) : value;
  const fail = (reason: string): MoveArg => ({ ok: false, message: t(locale, 'cli.move-file', { source, reason }) });
  let text = value;
  if (!inline) {
    try {
      text = await readFile(value, 'utf8');
    } catch (error) {
      return fail(t(locale, 'cli.file-unreadable', { file: value, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(t(locale, 'cli.not-json', { detail: (error as Error).message }));
  }
  const problem = moveShapeProblem(parsed);
  if (problem) return fail(describeRejection(problem, locale));
  return { ok: true, move: parsed as Move };
}
