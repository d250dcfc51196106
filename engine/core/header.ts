import { hashOf, sha256Hex } from './hash.ts';

export const LOG_FORMAT = 'shapan-log';
/**
 * 2: the header hash leaves out `seed` (the commitment pins it), so a team session's log can be
 * exported with its seed revealed in the header after the end and keep the chain it was written
 * with. Format 1 hashed the whole header; such logs still verify under their own rule.
 */
export const LOG_FORMAT_VERSION = 2;

/** The first line of every log; its hash is the `prevHash` of event 1. */
export interface LogHeader {
  readonly format: typeof LOG_FORMAT;
  readonly formatVersion: number;
  readonly engineVersion: string;
  readonly scenario: { readonly id: string; readonly hash: string };
  /** sha256 of the seed: lets anyone check the seed once it is revealed. */
  readonly seedCommitment: string;
  /** Present when nothing is hidden (solo play, exports after the end); otherwise revealed later by an event. */
  readonly seed?: string;
  readonly createdAt: string;
  /** Set on a what-if branch: the parent log's head and the round it was forked at. */
  readonly parent?: { readonly headHash: string; readonly headSeq: number; readonly forkRound: number };
}

export function seedCommitment(seed: string): string {
  return sha256Hex(`shapan-seed:${seed}`);
}

export interface HeaderInput {
  engineVersion: string;
  scenario: { id: string; hash: string };
  seed: string;
  createdAt: string;
  /** Keep the seed out of the header (team sessions); only its commitment is written. */
  hideSeed?: boolean;
  parent?: LogHeader['parent'];
}

export function createHeader(input: HeaderInput): LogHeader {
  const header: LogHeader = {
    format: LOG_FORMAT,
    formatVersion: LOG_FORMAT_VERSION,
    engineVersion: input.engineVersion,
    scenario: { id: input.scenario.id, hash: input.scenario.hash },
    seedCommitment: seedCommitment(input.seed),
    createdAt: input.createdAt,
    ...(input.hideSeed ? {} : { seed: input.seed }),
    ...(input.parent ? { parent: input.parent } : {}),
  };
  return header;
}

export function headerHash(header: LogHeader): string {
  if (header.formatVersion < 2) return hashOf(header);
  const { seed: _pinnedByCommitment, ...rest } = header;
  return hashOf(rest);
}

/** The header of a log whose seed is now public (after the session ended), same hash. */
export function withRevealedSeed(header: LogHeader, seed: string): LogHeader {
  if (seedCommitment(seed) !== header.seedCommitment) throw new Error('the seed does not match the header commitment');
  if (header.formatVersion < 2) throw new Error('a format-1 header cannot take a revealed seed');
  return { ...header, seed };
}
