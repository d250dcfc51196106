/// <reference lib="webworker" />
// Rounds resolve here, off the page's thread, so the map keeps drawing while the market moves;
// an imported log is read and every round re-checked here too, reporting each round as it goes.
import { useWasmSha256 } from '../io/wasmHash.ts';
import { EngineCore } from './engineCore.ts';
import type { EngineMessage, EngineRequest } from './protocol.ts';

void useWasmSha256();
const core = new EngineCore();
const post = (message: EngineMessage) => self.postMessage(message);
// The page sends one request at a time and waits for its reply, so an import's awaits never
// interleave with another request.
self.onmessage = async (message: MessageEvent<{ id: number; request: EngineRequest }>) => {
  const { id, request } = message.data;
  post({ id, reply: await core.handle(request, (progress) => post({ id, progress })) });
};
