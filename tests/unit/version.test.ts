import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { ENGINE_VERSION } from '../../engine/core/version.ts';

describe('engine version', () => {
  it('matches package.json, so a log names the release that wrote it', () => {
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
