/**
 * Map labels baked into one texture: each label is a Pixi Text (so CJK text is shaped by the
 * browser with the map's font list), rendered once into a shared RenderTexture, and handed back
 * as a frame of it; small images (the key-account pins) are copied in too. The scene draws the
 * frames as particles of one ParticleContainer, at their own size on whole pixels, so the atlas
 * is sampled `nearest`: one texel fetch a pixel, one draw call, one texture — instead of a
 * batch that samples every label's texture per pixel. Text objects are cached by style and
 * string across bakes.
 */
import { Container, Rectangle, RenderTexture, Sprite, Text, Texture, type Renderer, type TextStyle } from 'pixi.js';

export interface LabelLine {
  readonly text: string;
  readonly style: TextStyle;
}

/** One label: one line, or lines stacked and centred (baked as one frame, one particle). */
export type LabelSpec = LabelLine | { readonly lines: readonly LabelLine[] };

/** Width of the atlas in CSS pixels; labels are packed in rows. */
const ATLAS_WIDTH = 1024;
const GAP = 2;

export interface BakedLabels {
  /** One frame per label, in order. */
  readonly labels: readonly Texture[];
  /** One frame per image, in order. */
  readonly images: readonly Texture[];
}

export class LabelAtlas {
  /** Text objects by style and string (several when a string is used twice), kept across bakes. */
  private pool = new Map<string, Text[]>();
  private target: RenderTexture | null = null;
  private frames: Texture[] = [];

  constructor(private readonly renderer: Renderer) {}

  /** Bakes `labels` and `images` (replacing the previous atlas); every frame shares one source. */
  bake(labels: readonly LabelSpec[], images: readonly Texture[] = []): BakedLabels {
    const next = new Map<string, Text[]>();
    const take = (line: LabelLine): Text => {
      const key = `${line.style.styleKey}\u0000${line.text}`;
      const spare = this.pool.get(key);
      const text = spare?.pop() ?? new Text({ text: line.text, style: line.style });
      next.set(key, [...(next.get(key) ?? []), text]);
      return text;
    };
    const sheet = new Container();
    const places: Rectangle[] = [];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    /** The next free place for a w × h block, left to right in rows. */
    const place = (w: number, h: number): Rectangle => {
      if (x > 0 && x + w > ATLAS_WIDTH) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      const r = new Rectangle(x, y, w, h);
      x += w + GAP;
      rowHeight = Math.max(rowHeight, h);
      return r;
    };
    const sprites = images.map((texture) => {
      const r = place(Math.ceil(texture.width), Math.ceil(texture.height));
      const sprite = new Sprite({ texture, x: r.x, y: r.y });
      sheet.addChild(sprite);
      return r;
    });
    for (const label of labels) {
      const texts = ('lines' in label ? label.lines : [label]).map(take);
      const w = Math.ceil(Math.max(1, ...texts.map((t) => t.width)));
      const r = place(w, Math.ceil(Math.max(1, texts.reduce((n, t) => n + t.height, 0))));
      let ty = r.y;
      for (const t of texts) {
        t.position.set(r.x + Math.round((w - t.width) / 2), ty);
        ty += t.height;
        sheet.addChild(t);
      }
      places.push(r);
    }
    // Texts no label uses any more are let go.
    for (const spare of this.pool.values()) for (const t of spare) t.destroy();
    this.pool = next;

    for (const f of this.frames) f.destroy(false);
    this.target?.destroy(true);
    const target = RenderTexture.create({
      width: ATLAS_WIDTH,
      height: Math.max(1, y + rowHeight),
      resolution: this.renderer.resolution,
      antialias: false,
      scaleMode: 'nearest',
    });
    this.renderer.render({ container: sheet, target, clear: true, clearColor: [0, 0, 0, 0] });
    for (const child of sheet.removeChildren()) if (child instanceof Sprite) child.destroy();
    sheet.destroy();
    this.target = target;
    const frame = (r: Rectangle) => new Texture({ source: target.source, frame: r });
    const imageFrames = sprites.map(frame);
    const labelFrames = places.map(frame);
    this.frames = [...imageFrames, ...labelFrames];
    return { labels: labelFrames, images: imageFrames };
  }

  /** The atlas' texture (for the ParticleContainer), or null before the first bake. */
  get texture(): Texture | null {
    return this.target;
  }

  destroy(): void {
    for (const f of this.frames) f.destroy(false);
    this.target?.destroy(true);
    for (const spare of this.pool.values()) for (const t of spare) t.destroy();
    this.pool.clear();
    this.frames = [];
    this.target = null;
  }
}
