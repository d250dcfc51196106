/**
 * Textures made once per renderer from Graphics: the customers' dot, a white disc every customer
 * particle shares (a ParticleContainer draws one texture source) and tints with its firm's
 * colour; and white diamonds for key-account pins (copied into the label atlas).
 */
import { Graphics, Rectangle, type Renderer, type Texture } from 'pixi.js';

/** Pixel size of the dot texture; particles scale it to their radius in map units. */
export const DOT_TEXTURE_SIZE = 32;

export function makeDotTexture(renderer: Renderer): Texture {
  const r = DOT_TEXTURE_SIZE / 2;
  const g = new Graphics().circle(r, r, r - 1).fill({ color: 0xffffff });
  const texture = renderer.generateTexture({ target: g, antialias: true, resolution: 1 });
  g.destroy();
  return texture;
}

/** A white diamond `size` pixels corner to corner, anti-aliased (for key-account pins). */
export function makeDiamondTexture(renderer: Renderer, size: number): Texture {
  const h = size / 2;
  const g = new Graphics().poly([h, 0, size, h, h, size, 0, h]).fill({ color: 0xffffff });
  const texture = renderer.generateTexture({ target: g, antialias: true, resolution: renderer.resolution, frame: new Rectangle(0, 0, size, size) });
  g.destroy();
  return texture;
}
