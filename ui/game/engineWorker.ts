/// <reference lib="webworker" />
// Rounds resolve here, off the page's thread, so the map keeps drawing while the market moves.
import { EngineCore } from './engineCore.ts';
import type { EngineRequest } from './protocol.ts';

const core = new EngineCore();
self.onmessage = (message: MessageEvent<{ id: number; request: EngineRequest }>) => {
  const { id, request } = message.data;
  self.postMessage({ id, reply: core.handle(request) });
};
