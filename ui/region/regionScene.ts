/**
 * The region map in Pixi v8: territories as discs sized by potential, outlined, with a band
 * shaded by our share, and labelled with their name and our share; long-tail customers as
 * particles coloured by the firm they buy from; key accounts as labelled diamonds (ours bigger,
 * with a dark rim); each firm's presence as small marks under each territory, sized by its
 * coverage. It only draws a RegionModel (see regionModel.ts) and reports what the pointer is on;
 * it never changes state.
 *
 *   const scene = new RegionScene(app, { parent?, onHover?, onSelect? });
 *   scene.resize(width, height);              // the view's size in CSS pixels; fits the map
 *   scene.setModel(model, { showPrevious? }); // draw a model (showPrevious: its previous colours)
 *   await scene.animateTo(model, 1200);       // crossfade to a model (shares, switching customers)
 *   scene.panBy(dx, dy); scene.zoomBy(f, x?, y?); scene.resetView(); scene.zoom
 *   scene.handleKey(event.key) → boolean       // arrows pan, + / − zoom, 0 resets
 *   scene.pickAt(x, y) → RegionTarget | null   // what is at a view point
 *   scene.onHover = (target | null, x, y) => …  // x, y: the pointer in the view's CSS pixels
 *   scene.onSelect = (target | null) => …       // a click without a drag
 *   scene.destroy();
 *
 * Drag pans, the wheel zooms around the pointer. The root container (`scene.root`) owns the
 * rectangle (0, 0, width, height) of its parent. Needs a WebGL 2 renderer (the constructor throws
 * otherwise, so the page can say the map is unavailable).
 *
 * Per frame nothing is rebuilt, and the whole map is three draw calls: territory rims and
 * presence marks are one mesh (shapeLayer.ts); customers are one ParticleContainer with static
 * properties only (re-uploaded by `update()` when colours change); labels are Text baked once per
 * model into one texture and drawn, with the key-account pins, as particles of one more
 * ParticleContainer (labelAtlas.ts). The pointer is looked up through a spatial grid. It is
 * built to stay smooth on a software GPU (SwiftShader), where every pixel and triangle counts:
 * see shapeLayer.ts for why there is no Graphics.
 */
import { Container, Particle, ParticleContainer, Rectangle, TextStyle, type Application, type FederatedPointerEvent, type Texture, type Ticker } from 'pixi.js';
import { LabelAtlas, type LabelSpec } from './labelAtlas.ts';
import { LABEL_COLOUR, mixColour, OUR_COLOUR, OUTLINE_COLOUR } from './palette.ts';
import { overlayShader } from './overlayShader.ts';
import { PanZoom, type Inset } from './panZoom.ts';
import type { RegionKeyAccount, RegionModel, RegionTerritory } from './regionModel.ts';
import { DOT_TEXTURE_SIZE, makeDiamondTexture, makeDotTexture } from './regionTextures.ts';
import { ShapeLayer, type Shape } from './shapeLayer.ts';
import { SpatialGrid } from './spatialGrid.ts';

export type RegionTarget =
  | { readonly kind: 'territory'; readonly territory: RegionTerritory }
  | { readonly kind: 'keyAccount'; readonly account: RegionKeyAccount; readonly territory: RegionTerritory | undefined }
  | { readonly kind: 'customer'; readonly index: number; readonly supplier: number; readonly territory: RegionTerritory };

export type HoverHandler = (target: RegionTarget | null, x: number, y: number) => void;
export type SelectHandler = (target: RegionTarget | null) => void;

export interface RegionSceneOptions {
  /** Where the map goes (default: app.stage). */
  readonly parent?: Container;
  readonly onHover?: HoverHandler;
  readonly onSelect?: SelectHandler;
}

/** Particles change only by `update()`: nothing is re-uploaded on a still frame. */
export const STATIC_PARTICLES = { vertex: false, position: false, rotation: false, uvs: false, color: false } as const;

/** CJK-first font list, so Chinese labels use a proper CJK face wherever one is installed. */
export const MAP_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans CJK TC", "PingFang SC", "Microsoft YaHei", sans-serif';

// Territory labels sit above their disc, on the paper: no halo needed. Key-account labels sit
// over customers' dots: a white halo keeps them readable.
const NAME_STYLE = new TextStyle({ fontFamily: MAP_FONT, fontSize: 15, fontWeight: '700', fill: LABEL_COLOUR });
const SHARE_STYLE = new TextStyle({ fontFamily: MAP_FONT, fontSize: 12, fontWeight: '700', fill: mixColour(OUR_COLOUR, 0x000000, 0.3) });
const ACCOUNT_STYLE = new TextStyle({
  fontFamily: MAP_FONT,
  fontSize: 11,
  fill: LABEL_COLOUR,
  stroke: { color: 0xffffff, width: 3, join: 'round' },
});

const DRAG_THRESHOLD = 4;
const KEY_PAN = 60;
const KEY_ZOOM = 1.25;
/** Key-account diamond, screen pixels from centre to corner (ours: 1.5 more). */
const PIN_PX = 7;
/** Where a territory's shaded band starts, as a fraction of its radius (about where its customers end). */
const BAND_FROM = 0.9;
/** Pin diamonds, pixels corner to corner: others' fill and rim, ours' fill and rim. */
const PIN_SIZES = [2 * PIN_PX, 2 * PIN_PX + 4, 2 * PIN_PX + 3, 2 * PIN_PX + 10] as const;

interface Animation {
  readonly changed: Int32Array;
  readonly fromC: Uint32Array;
  readonly toC: Uint32Array;
  readonly fromT: readonly number[];
  readonly toT: readonly number[];
  readonly fromK: readonly number[];
  readonly toK: readonly number[];
  readonly duration: number;
  elapsed: number;
  readonly done: () => void;
}

/** Where a baked label goes: a map point plus a pixel offset, and its anchor. */
interface LabelPlace {
  readonly x: number;
  readonly y: number;
  readonly dx: number;
  readonly dy: number;
  readonly anchorX: number;
  readonly anchorY: number;
}

const ease = (t: number) => t * t * (3 - 2 * t);

export class RegionScene {
  /** The map's root: interactive over (0, 0, width, height). */
  readonly root = new Container({ label: 'region' });
  onHover: HoverHandler | undefined;
  onSelect: SelectHandler | undefined;

  private readonly world = new Container({ label: 'region-world' });
  private readonly under = new ShapeLayer('territories');
  private readonly customers: ParticleContainer;
  private readonly hover = new ShapeLayer('hover');
  private readonly labels: ParticleContainer;
  private readonly atlas: LabelAtlas;
  private readonly dot: Texture;
  private readonly diamonds: Texture[];
  private readonly view = new PanZoom();
  private width = 800;
  private height = 600;
  private model: RegionModel | null = null;
  private grid: SpatialGrid | null = null;
  private particles: Particle[] = [];
  /** Overlay particles (pin rims, pin fills, then labels) and where each goes. */
  private overlay: Particle[] = [];
  private overlayPlaces: LabelPlace[] = [];
  private pinFills: Particle[] = [];
  /** Colours on screen now (during an animation: where it will end). */
  private shownCustomers = new Uint32Array(0);
  private shownTerritories: number[] = [];
  private shownAccounts: number[] = [];
  private shownAccountIds: string[] = [];
  private animation: Animation | null = null;
  private hovered: RegionTarget | null = null;
  private drag: { x: number; y: number; moved: boolean; id: number } | null = null;
  /** The scale shapes were last tessellated for (their rims and edges are in screen pixels). */
  private drawnScale = 0;
  private readonly tick = (ticker: Ticker) => this.step(ticker.deltaMS);
  private readonly wheel = (e: WheelEvent) => this.onWheel(e);

  constructor(
    private readonly app: Application,
    options: RegionSceneOptions = {},
  ) {
    const renderer = app.renderer as { gl?: unknown; context?: { webGLVersion?: number } };
    if (!renderer.gl || renderer.context?.webGLVersion !== 2) throw new Error('the region view needs a WebGL 2 renderer (preference: "webgl")');
    this.onHover = options.onHover;
    this.onSelect = options.onSelect;
    this.dot = makeDotTexture(app.renderer);
    this.diamonds = PIN_SIZES.map((size) => makeDiamondTexture(app.renderer, size));
    this.atlas = new LabelAtlas(app.renderer);
    this.customers = new ParticleContainer({ label: 'customers', texture: this.dot, dynamicProperties: { ...STATIC_PARTICLES } });
    this.labels = new ParticleContainer({ label: 'labels', dynamicProperties: { ...STATIC_PARTICLES }, shader: overlayShader() });
    this.world.eventMode = 'none';
    this.labels.eventMode = 'none';
    this.world.addChild(this.under.mesh, this.customers, this.hover.mesh);
    this.root.addChild(this.world, this.labels);
    this.root.eventMode = 'static';
    this.root.cursor = 'grab';
    this.root.hitArea = new Rectangle(0, 0, this.width, this.height);
    this.root.on('pointerdown', (e) => this.onDown(e));
    this.root.on('globalpointermove', (e) => this.onMove(e));
    this.root.on('pointerup', (e) => this.onUp(e));
    this.root.on('pointerupoutside', () => this.endDrag());
    this.root.on('pointerleave', () => this.setHovered(null, 0, 0));
    app.canvas.addEventListener('wheel', this.wheel, { passive: false });
    (options.parent ?? app.stage).addChild(this.root);
  }

  /** The view's size in CSS pixels, and what of it the map is fitted clear of (the legend); keeps the map point at the centre and the zoom. */
  resize(width: number, height: number, inset: Inset = { left: 0, bottom: 0 }): void {
    this.width = width;
    this.height = height;
    this.root.hitArea = new Rectangle(0, 0, width, height);
    if (this.model) this.view.resize(width, height, inset);
    else this.view.setInset(inset);
    this.applyView();
  }

  /** Draws `model`; with showPrevious, in the colours of its previous round (then animateTo it). */
  setModel(model: RegionModel, options: { showPrevious?: boolean } = {}): void {
    this.finishAnimation();
    const old = this.model;
    const sameMap =
      old !== null &&
      old.customers.count === model.customers.count &&
      old.territories.length === model.territories.length &&
      old.territories.every((t, i) => t.id === model.territories[i]!.id && t.radius === model.territories[i]!.radius);
    this.model = model;
    const before = options.showPrevious === true;
    if (!sameMap) {
      this.buildCustomers(model);
      this.view.fit(model.bounds, this.width, this.height);
    }
    const c = model.customers;
    const tints = before && c.previousTint ? c.previousTint : c.tint;
    for (let i = 0; i < c.count; i++) {
      const p = this.particles[i]!;
      p.tint = tints[i]!;
      p.alpha = c.visible[i] ? 1 : 0;
    }
    this.customers.update();
    this.shownCustomers = Uint32Array.from(tints);
    this.shownTerritories = model.territories.map((t) => (before ? t.previousShade : t.shade));
    this.shownAccounts = model.keyAccounts.map((k) => (before ? k.previousColour : k.colour));
    this.shownAccountIds = model.keyAccounts.map((k) => k.id);
    this.bakeOverlay(model);
    this.grid = new SpatialGrid(c.x, c.y, 12, c.visible);
    this.drawnScale = 0;
    this.setHovered(null, 0, 0);
    this.applyView();
  }

  /**
   * Crossfades from the picture on screen to `model` over `durationMs` on the app's ticker:
   * territory shades and the colours of customers and key accounts whose supplier changed.
   * Resolves when done. A model of another map is simply drawn.
   */
  animateTo(model: RegionModel, durationMs: number): Promise<void> {
    this.finishAnimation();
    const old = this.model;
    if (!old || old.customers.count !== model.customers.count || old.territories.length !== model.territories.length || durationMs <= 0) {
      this.setModel(model);
      return Promise.resolve();
    }
    const fromC = this.shownCustomers;
    const toC = model.customers.tint;
    const changed: number[] = [];
    for (let i = 0; i < model.customers.count; i++) if (fromC[i] !== toC[i]) changed.push(i);
    const fromT = this.shownTerritories;
    const toT = model.territories.map((t) => t.shade);
    const shownById = new Map(this.shownAccountIds.map((id, i) => [id, this.shownAccounts[i]!] as const));
    const fromK = model.keyAccounts.map((k) => shownById.get(k.id) ?? k.previousColour);
    const toK = model.keyAccounts.map((k) => k.colour);
    // Everything but the colours moves to the new model at once.
    this.model = model;
    for (let i = 0; i < model.customers.count; i++) this.particles[i]!.alpha = model.customers.visible[i] ? 1 : 0;
    this.shownCustomers = Uint32Array.from(toC);
    this.shownTerritories = toT;
    this.shownAccounts = toK;
    this.shownAccountIds = model.keyAccounts.map((k) => k.id);
    this.bakeOverlay(model);
    this.grid = new SpatialGrid(model.customers.x, model.customers.y, 12, model.customers.visible);
    this.setHovered(null, 0, 0);
    return new Promise((resolve) => {
      this.animation = { changed: Int32Array.from(changed), fromC, toC, fromT, toT, fromK, toK, duration: durationMs, elapsed: 0, done: resolve };
      this.app.ticker.add(this.tick);
      this.step(0);
    });
  }

  panBy(dx: number, dy: number): void {
    this.view.panBy(dx, dy);
    this.applyView();
  }

  /** Zooms by `factor` around a view point (default: the centre). */
  zoomBy(factor: number, x = this.width / 2, y = this.height / 2): void {
    this.view.zoomAt(factor, x, y);
    this.applyView();
  }

  resetView(): void {
    this.view.reset();
    this.applyView();
  }

  /** Arrow keys pan, + / = zoom in, − / _ zoom out, 0 resets. True when the key was used. */
  handleKey(key: string): boolean {
    const actions: Record<string, () => void> = {
      ArrowLeft: () => this.panBy(KEY_PAN, 0),
      ArrowRight: () => this.panBy(-KEY_PAN, 0),
      ArrowUp: () => this.panBy(0, KEY_PAN),
      ArrowDown: () => this.panBy(0, -KEY_PAN),
      '+': () => this.zoomBy(KEY_ZOOM),
      '=': () => this.zoomBy(KEY_ZOOM),
      '-': () => this.zoomBy(1 / KEY_ZOOM),
      _: () => this.zoomBy(1 / KEY_ZOOM),
      '0': () => this.resetView(),
    };
    const action = actions[key];
    action?.();
    return action !== undefined;
  }

  /** Zoom relative to the fitted map (1 = whole map). */
  get zoom(): number {
    return this.view.zoom;
  }

  /**
   * What is at view point (x, y): a key account's diamond first, then a customer's dot (once
   * dots are big enough to aim at, 4 px across), then a territory's disc.
   */
  pickAt(x: number, y: number): RegionTarget | null {
    const m = this.model;
    if (!m) return null;
    const s = this.view.scale;
    const p = this.view.toMap(x, y);
    let best: RegionKeyAccount | null = null;
    let bestD = (PIN_PX + 2) / s;
    for (const k of m.keyAccounts) {
      const d = Math.hypot(k.x - p.x, k.y - p.y);
      if (d <= bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best) return { kind: 'keyAccount', account: best, territory: m.territories[best.territory] };
    const c = m.customers;
    if (this.grid) {
      const i = this.grid.nearest(p.x, p.y, 8 / s);
      if (i >= 0 && c.r[i]! * s >= 2 && Math.hypot(c.x[i]! - p.x, c.y[i]! - p.y) <= c.r[i]! + 2 / s) {
        return { kind: 'customer', index: i, supplier: c.supplier[i]!, territory: m.territories[c.territory[i]!]! };
      }
    }
    for (const t of m.territories) {
      if (Math.hypot(t.x - p.x, t.y - p.y) <= t.radius) return { kind: 'territory', territory: t };
    }
    return null;
  }

  destroy(): void {
    this.finishAnimation();
    this.app.ticker.remove(this.tick);
    this.app.canvas.removeEventListener('wheel', this.wheel);
    this.root.destroy({ children: true });
    this.atlas.destroy();
    this.dot.destroy(true);
    for (const d of this.diamonds) d.destroy(true);
    this.model = null;
    this.grid = null;
  }

  // — drawing —

  private buildCustomers(model: RegionModel): void {
    this.customers.removeParticles();
    const c = model.customers;
    const particles: Particle[] = new Array(c.count);
    for (let i = 0; i < c.count; i++) {
      const scale = (2 * c.r[i]!) / DOT_TEXTURE_SIZE;
      particles[i] = new Particle({ texture: this.dot, x: c.x[i]!, y: c.y[i]!, scaleX: scale, scaleY: scale, anchorX: 0.5, anchorY: 0.5 });
    }
    if (particles.length > 0) this.customers.addParticle(...particles);
    const b = model.bounds;
    this.customers.boundsArea = new Rectangle(b.minX, b.minY, b.maxX - b.minX, b.maxY - b.minY);
    this.particles = particles;
  }

  /**
   * Under the customers: each territory's disc as its outline and a band from the edge of its
   * customers to the outline, shaded by our share (the inside is left to the customers: on a
   * software GPU a filled disc costs as much as all the labels and marks together); under each
   * disc, its presence marks (map units).
   */
  private drawUnder(model: RegionModel, shades: readonly number[]): void {
    const shapes: Shape[] = model.territories.map((t, i) => ({
      x: t.x,
      y: t.y,
      r: t.radius,
      fill: shades[i]!,
      rim: OUTLINE_COLOUR,
      rimPx: 1.5,
      hole: t.radius * BAND_FROM,
    }));
    for (const t of model.territories) {
      const sizes = t.firmsPresent.map((f) => 2.5 + (4.5 * (t.coverage[f] ?? 0)) / 1000);
      const gap = 3;
      const width = sizes.reduce((a, r) => a + 2 * r, 0) + gap * Math.max(0, sizes.length - 1);
      let x = t.x - width / 2;
      t.firmsPresent.forEach((f, j) => {
        const r = sizes[j]!;
        const ours = f === model.ours;
        shapes.push({ x: x + r, y: t.y + t.radius + 9, r, fill: model.firms[f]!.colour, rim: ours ? LABEL_COLOUR : 0xffffff, rimPx: ours ? 1.5 : 1 });
        x += 2 * r + gap;
      });
    }
    this.under.set(shapes, 1 / this.view.scale);
  }

  /**
   * The overlay, in screen pixels over everything: key-account pins (a diamond in the supplier's
   * colour on a rim, white for others and dark and bigger for ours), then the labels — each
   * territory's name and our share, and the key accounts' names — baked into one atlas.
   */
  private bakeOverlay(model: RegionModel): void {
    const specs: LabelSpec[] = [];
    const places: LabelPlace[] = [];
    for (const t of model.territories) {
      specs.push({ lines: [{ text: t.name, style: NAME_STYLE }, { text: t.shareLabel, style: SHARE_STYLE }] });
      places.push({ x: t.x, y: t.y - t.radius, dx: 0, dy: 0, anchorX: 0.5, anchorY: 1 });
    }
    for (const k of model.keyAccounts) {
      if (!k.label) continue;
      specs.push({ text: k.label, style: ACCOUNT_STYLE });
      places.push({ x: k.x, y: k.y, dx: PIN_PX + 4, dy: 0, anchorX: 0, anchorY: 0.5 });
    }
    const baked = this.atlas.bake(specs, this.diamonds);
    const pin = (k: RegionKeyAccount, rim: boolean) =>
      new Particle({
        texture: baked.images[(k.ours ? 2 : 0) + (rim ? 1 : 0)]!,
        anchorX: 0.5,
        anchorY: 0.5,
        tint: rim ? (k.ours ? LABEL_COLOUR : 0xffffff) : 0xffffff,
      });
    const pinPlace = (k: RegionKeyAccount): LabelPlace => ({ x: k.x, y: k.y, dx: 0, dy: 0, anchorX: 0.5, anchorY: 0.5 });
    const rims = model.keyAccounts.map((k) => pin(k, true));
    this.pinFills = model.keyAccounts.map((k) => pin(k, false));
    this.overlay = [...rims, ...this.pinFills, ...baked.labels.map((texture, i) => new Particle({ texture, anchorX: places[i]!.anchorX, anchorY: places[i]!.anchorY }))];
    this.overlayPlaces = [...model.keyAccounts.map(pinPlace), ...model.keyAccounts.map(pinPlace), ...places];
    this.tintPins(this.shownAccounts);
    this.labels.removeParticles();
    this.labels.texture = this.atlas.texture!;
    if (this.overlay.length > 0) this.labels.addParticle(...this.overlay);
    this.placeLabels();
  }

  private tintPins(colours: readonly number[]): void {
    this.pinFills.forEach((p, i) => (p.tint = colours[i]!));
  }

  /** The overlay sits in screen space on whole pixels (crisp text at any zoom). */
  private placeLabels(): void {
    const { scale, x, y } = this.view;
    this.overlay.forEach((p, i) => {
      const place = this.overlayPlaces[i]!;
      // The frame's top-left corner on a whole pixel: the atlas is sampled texel for pixel.
      const w = p.texture.frame.width * place.anchorX;
      const h = p.texture.frame.height * place.anchorY;
      p.x = Math.round(place.x * scale + x + place.dx - w) + w;
      p.y = Math.round(place.y * scale + y + place.dy - h) + h;
    });
    this.labels.update();
  }

  private drawHover(target: RegionTarget | null): void {
    const s = this.view.scale;
    if (!target || !this.model) {
      this.hover.set([], 1 / s);
      return;
    }
    const ring = (x: number, y: number, r: number): Shape => ({ x, y, r, fill: 0, fillAlpha: 0, rim: LABEL_COLOUR, rimPx: 2.5, hole: r - 4 / s });
    const c = this.model.customers;
    if (target.kind === 'territory') this.hover.set([ring(target.territory.x, target.territory.y, target.territory.radius + 3 / s)], 1 / s);
    else if (target.kind === 'keyAccount') this.hover.set([ring(target.account.x, target.account.y, (PIN_PX + 6) / s)], 1 / s);
    else this.hover.set([ring(c.x[target.index]!, c.y[target.index]!, c.r[target.index]! + 3 / s)], 1 / s);
  }

  /** Puts the camera on the world; labels follow in screen pixels; pins keep their size. */
  private applyView(): void {
    const { scale, x, y } = this.view;
    this.world.position.set(x, y);
    this.world.scale.set(scale);
    this.placeLabels();
    if (this.model && scale !== this.drawnScale) {
      this.drawUnder(this.model, this.shownTerritories);
      this.drawnScale = scale;
    }
    if (this.hovered) this.drawHover(this.hovered);
  }

  // — animation —

  private step(deltaMs: number): void {
    const a = this.animation;
    if (!a || !this.model) return;
    a.elapsed += deltaMs;
    const t = ease(Math.min(1, a.elapsed / a.duration));
    for (let k = 0; k < a.changed.length; k++) {
      const i = a.changed[k]!;
      this.particles[i]!.tint = mixColour(a.fromC[i]!, a.toC[i]!, t);
    }
    this.customers.update();
    this.drawUnder(this.model, a.toT.map((to, i) => mixColour(a.fromT[i] ?? to, to, t)));
    this.tintPins(a.toK.map((to, i) => mixColour(a.fromK[i]!, to, t)));
    this.labels.update();
    if (t >= 1) {
      this.animation = null;
      this.app.ticker.remove(this.tick);
      a.done();
    }
  }

  private finishAnimation(): void {
    if (this.animation) this.step(this.animation.duration);
  }

  // — pointer —

  private local(e: FederatedPointerEvent): { x: number; y: number } {
    return this.root.toLocal(e.global);
  }

  private onDown(e: FederatedPointerEvent): void {
    const p = this.local(e);
    this.drag = { x: p.x, y: p.y, moved: false, id: e.pointerId };
  }

  private onMove(e: FederatedPointerEvent): void {
    if (!this.root.visible || !this.model) return;
    const p = this.local(e);
    const d = this.drag;
    if (d && d.id === e.pointerId) {
      if (!d.moved && Math.hypot(p.x - d.x, p.y - d.y) < DRAG_THRESHOLD) return;
      if (!d.moved) {
        d.moved = true;
        this.root.cursor = 'grabbing';
        this.setHovered(null, p.x, p.y);
      }
      this.panBy(p.x - d.x, p.y - d.y);
      d.x = p.x;
      d.y = p.y;
      return;
    }
    const inside = p.x >= 0 && p.y >= 0 && p.x <= this.width && p.y <= this.height;
    this.setHovered(inside ? this.pickAt(p.x, p.y) : null, p.x, p.y);
  }

  private onUp(e: FederatedPointerEvent): void {
    const d = this.drag;
    this.endDrag();
    if (!d || d.moved) return;
    const p = this.local(e);
    this.onSelect?.(this.pickAt(p.x, p.y));
  }

  private endDrag(): void {
    this.drag = null;
    this.root.cursor = 'grab';
  }

  private setHovered(target: RegionTarget | null, x: number, y: number): void {
    if (!sameTarget(target, this.hovered)) this.drawHover(target);
    const was = this.hovered;
    this.hovered = target;
    // Report every move over something (so a tooltip can follow), and the change to nothing once.
    if (target || was) this.onHover?.(target, x, y);
  }

  private onWheel(e: WheelEvent): void {
    if (!this.root.visible || !this.model) return;
    const point = { x: 0, y: 0 };
    this.app.renderer.events.mapPositionToPoint(point, e.clientX, e.clientY);
    const p = this.root.toLocal(point);
    if (p.x < 0 || p.y < 0 || p.x > this.width || p.y > this.height) return;
    e.preventDefault();
    const pixels = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? this.height : 1);
    this.zoomBy(Math.exp(-pixels * 0.0015), p.x, p.y);
  }
}

function sameTarget(a: RegionTarget | null, b: RegionTarget | null): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'territory') return a.territory.index === (b as typeof a).territory.index;
  if (a.kind === 'keyAccount') return a.account.id === (b as typeof a).account.id;
  return a.index === (b as typeof a).index;
}
