import { createSHA256 } from 'hash-wasm';
import { useSha256 } from '../../engine/core/hash.ts';

/**
 * Browsers hash with a WebAssembly SHA-256 once it has compiled (a few milliseconds after start),
 * instead of the engine's portable one: same bytes, several times faster on the state hashes a
 * round check takes and on the lines of a log being opened. WebCrypto cannot stand in: it is
 * asynchronous, and absent on a plain-http page such as a workshop server on the room's network.
 * Until it is ready, or if WebAssembly is unavailable, the portable one goes on serving; the
 * promise says which.
 */
export function useWasmSha256(): Promise<boolean> {
  return createSHA256()
    .then((hasher) => {
      useSha256((text) => {
        hasher.init();
        hasher.update(text);
        return hasher.digest('hex');
      });
      return true;
    })
    .catch(() => false);
}
