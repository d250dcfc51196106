/**
 * Map labels baked into one texture: each label is a Pixi Text (so CJK text is shaped by the
 * browser with the map's font list), rendered once into a shared RenderTexture, and handed back
 * as a frame of it. The scene draws the frames as particles of one ParticleContainer: one draw
 * call with a one-texture shader per frame, instead of a batch that samples every label's
 * texture per pixel. Text objects are cached by style and string across bakes.
 */
import { Container, Rectangle, RenderTexture, Text, Texture, type Renderer, type TextStyle } from 'pixi.js';

export interface LabelSpec {
  readonly text: string;
  readonly style: TextStyle;
}

/** Width of the atlas in CSS pixels; labels are packed in rows. */
const ATLAS_WIDTH = 1024;
const GAP = 2;

export class LabelAtlas {
  private readonly texts = new Map<string, Text>();
  private target: RenderTexture | null = null;
  private frames: Texture[] = [];

  constructor(private readonly renderer: Renderer) {}

  /** Bakes `labels` (replacing the previous atlas); one texture per label, all of one source. */
  bake(labels: readonly LabelSpec[]): Texture[] {
    const used = new Map<string, Text>();
    const sheet = new Container();
    const places: Rectangle[] = [];
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    for (const label of labels) {
      const key = `${label.style.styleKey}\u0000${label.text}`;
      let text = used.get(key) ?? this.texts.get(key);
      if (!text) text = new Text({ text: label.text, style: label.style });
      used.set(key, text);
      const w = Math.ceil(text.width);
      const h = Math.ceil(text.height);
      if (x > 0 && x + w > ATLAS_WIDTH) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      if (!text.parent) {
        text.position.set(x, y);
        sheet.addChild(text);
        places.push(new Rectangle(x, y, Math.max(1, w), Math.max(1, h)));
        x += w + GAP;
        rowHeight = Math.max(rowHeight, h);
      } else {
        // The same string in the same style twice: share its place.
        places.push(new Rectangle(text.x, text.y, Math.max(1, w), Math.max(1, h)));
      }
    }
    const height = Math.max(1, y + rowHeight);
    for (const [key, text] of this.texts) if (!used.has(key)) text.destroy();
    this.texts.clear();
    for (const [key, text] of used) this.texts.set(key, text);

    for (const f of this.frames) f.destroy(false);
    this.target?.destroy(true);
    const target = RenderTexture.create({ width: ATLAS_WIDTH, height, resolution: this.renderer.resolution, antialias: false });
    this.renderer.render({ container: sheet, target, clear: true, clearColor: [0, 0, 0, 0] });
    sheet.removeChildren();
    sheet.destroy();
    this.target = target;
    this.frames = places.map((frame) => new Texture({ source: target.source, frame }));
    return this.frames;
  }

  /** The atlas' texture (for the ParticleContainer), or null before the first bake. */
  get texture(): Texture | null {
    return this.target;
  }

  destroy(): void {
    for (const f of this.frames) f.destroy(false);
    this.target?.destroy(true);
    for (const t of this.texts.values()) t.destroy();
    this.texts.clear();
    this.frames = [];
    this.target = null;
  }
}
