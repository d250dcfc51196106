/**
 * The customers' dot: a white disc made once per renderer from Graphics, which every customer
 * particle shares (a ParticleContainer draws one texture source) and tints with its firm's colour.
 */
import { Graphics, type Renderer, type Texture } from 'pixi.js';

/** Pixel size of the dot texture; particles scale it to their radius in map units. */
export const DOT_TEXTURE_SIZE = 32;

export function makeDotTexture(renderer: Renderer): Texture {
  const r = DOT_TEXTURE_SIZE / 2;
  const g = new Graphics().circle(r, r, r - 1).fill({ color: 0xffffff });
  const texture = renderer.generateTexture({ target: g, antialias: true, resolution: 1 });
  g.destroy();
  return texture;
}
