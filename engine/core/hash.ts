import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonicalJson.ts';

export type Sha256Hex = (text: string) => string;

const portable: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));
let implementation: Sha256Hex = portable;

/**
 * Lets a host with a native SHA-256 (Node's crypto) use it: the engine may not import it, and
 * hashing is a tenth of what a server does per command. SHA-256 is SHA-256, so the hashes do not
 * change; tests/unit/core/hash.test.ts holds the portable one to Node's.
 */
export function useSha256(native: Sha256Hex): void {
  implementation = native;
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256Hex(text: string): string {
  return implementation(text);
}

/** The engine's own implementation, whichever one is in use. */
export function portableSha256Hex(text: string): string {
  return portable(text);
}

/** SHA-256 of the canonical JSON of `value`. */
export function hashOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

export const HASH_PATTERN = /^[0-9a-f]{64}$/;
