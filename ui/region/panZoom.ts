/**
 * The map's camera: a scale and an offset from map units to view pixels, with pan, zoom around a
 * point, fit and reset. Pure (no Pixi), so the scene applies it to its world container and tests
 * can check it.
 */
import type { Bounds } from './mapLayout.ts';

export interface ViewTransform {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

/** A part of the view the map is fitted clear of: a strip on the left, or one along the bottom (the legend). */
export interface Inset {
  readonly left: number;
  readonly bottom: number;
}

/** How far in and out the trainee may zoom, relative to the fitted view. */
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 12;

export class PanZoom {
  scale = 1;
  x = 0;
  y = 0;
  /** The scale that fits the map's bounds into the view. */
  private fitScale = 1;
  private width = 1;
  private height = 1;
  private bounds: Bounds = { minX: 0, minY: 0, maxX: 1000, maxY: 1000 };
  private inset: Inset = { left: 0, bottom: 0 };

  /** What the fitted view keeps clear of (it takes effect at the next fit or resize). */
  setInset(inset: Inset): void {
    this.inset = { left: Math.max(0, inset.left), bottom: Math.max(0, inset.bottom) };
  }

  /** The scale that fits `bounds` into a width × height view, clear of `inset`, with `padding` each side. */
  static fitScale(bounds: Bounds, width: number, height: number, inset: Inset, padding = 12): number {
    const w = Math.max(1, bounds.maxX - bounds.minX);
    const h = Math.max(1, bounds.maxY - bounds.minY);
    return Math.max(1e-6, Math.min((Math.max(1, width - inset.left) - 2 * padding) / w, (Math.max(1, height - inset.bottom) - 2 * padding) / h));
  }

  /** Fits `bounds` into a width × height view with `padding` pixels each side; resets the view. */
  fit(bounds: Bounds, width: number, height: number, padding = 12): void {
    this.bounds = bounds;
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.fitScale = PanZoom.fitScale(bounds, this.width, this.height, this.inset, padding);
    this.reset();
  }

  /** The middle of the part of the view the map is fitted into. */
  private centre(): { x: number; y: number } {
    return { x: this.inset.left + (this.width - this.inset.left) / 2, y: (this.height - this.inset.bottom) / 2 };
  }

  /** Back to the fitted view: the whole map, centred in the part of the view clear of the inset. */
  reset(): void {
    const b = this.bounds;
    const c = this.centre();
    this.scale = this.fitScale;
    this.x = c.x - ((b.minX + b.maxX) / 2) * this.scale;
    this.y = c.y - ((b.minY + b.maxY) / 2) * this.scale;
  }

  /**
   * A new view size: the map point at the centre stays at the centre and the zoom relative to
   * the fitted view is kept.
   */
  resize(width: number, height: number, inset: Inset = this.inset, padding = 12): void {
    const zoom = this.zoom;
    const before = this.centre();
    const centre = this.toMap(before.x, before.y);
    this.setInset(inset);
    this.fit(this.bounds, width, height, padding);
    const after = this.centre();
    this.scale = this.fitScale * zoom;
    this.x = after.x - centre.x * this.scale;
    this.y = after.y - centre.y * this.scale;
  }

  /** Zoom relative to the fitted view (1 = fitted). */
  get zoom(): number {
    return this.scale / this.fitScale;
  }

  panBy(dx: number, dy: number): void {
    this.x += dx;
    this.y += dy;
    this.clampPan();
  }

  /** Multiplies the zoom by `factor`, keeping the map point under (sx, sy) where it is. */
  zoomAt(factor: number, sx: number, sy: number): void {
    const target = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor)) * this.fitScale;
    const m = this.toMap(sx, sy);
    this.scale = target;
    this.x = sx - m.x * target;
    this.y = sy - m.y * target;
    this.clampPan();
  }

  /** Keeps at least a quarter of the view showing the map, so it cannot be lost off-screen. */
  private clampPan(): void {
    const b = this.bounds;
    const left = b.minX * this.scale + this.x;
    const right = b.maxX * this.scale + this.x;
    const top = b.minY * this.scale + this.y;
    const bottom = b.maxY * this.scale + this.y;
    const mx = this.width / 4;
    const my = this.height / 4;
    if (right < mx) this.x += mx - right;
    if (left > this.width - mx) this.x -= left - (this.width - mx);
    if (bottom < my) this.y += my - bottom;
    if (top > this.height - my) this.y -= top - (this.height - my);
  }

  toMap(sx: number, sy: number): { x: number; y: number } {
    return { x: (sx - this.x) / this.scale, y: (sy - this.y) / this.scale };
  }

  toView(mx: number, my: number): { x: number; y: number } {
    return { x: mx * this.scale + this.x, y: my * this.scale + this.y };
  }

  get transform(): ViewTransform {
    return { scale: this.scale, x: this.x, y: this.y };
  }
}
