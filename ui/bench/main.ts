/**
 * bench.html: the region view against a bare Pixi scene, in one page.
 *
 *   ?mode=bench (default) — builds both scenes in one Application: the RegionScene of the chosen
 *     scenario (default `benchmark`, 10,000 customers) and a bare ParticleContainer with the same
 *     particles (same dot texture, positions, sizes, colours and static properties) and nothing
 *     else; then renders `frames` frames of each in alternating blocks (bare, region, bare, …),
 *     `blocks` of each, timing every `renderer.render` up to a 1-pixel readPixels so the GPU
 *     (SwiftShader) work is inside the time. Results go to `window.__bench`.
 *   ?mode=view — the region view alone, interactive (drag, wheel, arrows, + − 0), with a tooltip;
 *     `&rounds=N` plays N rounds with bots first and animates the last one's switching customers.
 *
 * Other parameters: scenario, locale, seed, teams (team slots in play, default 1: the solo game),
 * width, height, frames, blocks.
 */
import { Application, Container, Particle, ParticleContainer, type WebGLRenderer } from 'pixi.js';
import { PAPER_COLOUR } from '../region/palette.ts';
import { regionModel, type RegionModel } from '../region/regionModel.ts';
import { STATIC_PARTICLES, RegionScene, type RegionTarget } from '../region/regionScene.ts';
import { DOT_TEXTURE_SIZE, makeDotTexture } from '../region/regionTextures.ts';
import { benchMarket } from './market.ts';
import { benchParams, type BenchParams } from './params.ts';

export interface BenchOutput {
  readonly particles: number;
  /** Firms in play (team slots taken plus AI firms). */
  readonly firms: number;
  readonly renderer: string;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly blocks: number;
  /** Every timed frame, ms, by side. */
  readonly bare: number[];
  readonly region: number[];
  /** Median frame of each block, in the order run. */
  readonly blockMedians: { side: 'bare' | 'region'; ms: number }[];
}

declare global {
  interface Window {
    __bench?: BenchOutput;
    __benchError?: string;
    __regionReady?: boolean;
    __region?: RegionScene;
  }
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The bare scene: one ParticleContainer holding the region's particles, nothing else. */
function bareScene(app: Application, model: RegionModel, transform: { scale: number; x: number; y: number }): Container {
  const texture = makeDotTexture(app.renderer);
  const c = model.customers;
  const particles: Particle[] = [];
  for (let i = 0; i < c.count; i++) {
    const scale = (2 * c.r[i]!) / DOT_TEXTURE_SIZE;
    particles.push(
      new Particle({ texture, x: c.x[i]!, y: c.y[i]!, scaleX: scale, scaleY: scale, anchorX: 0.5, anchorY: 0.5, tint: c.tint[i]! }),
    );
  }
  const pc = new ParticleContainer({ texture, dynamicProperties: { ...STATIC_PARTICLES }, particles });
  // Static properties are uploaded by update() (as the region view does after setting them).
  pc.update();
  pc.position.set(transform.x, transform.y);
  pc.scale.set(transform.scale);
  const stage = new Container();
  stage.addChild(pc);
  return stage;
}

async function runBench(p: BenchParams): Promise<void> {
  const app = new Application();
  await app.init({ width: p.width, height: p.height, preference: 'webgl', background: PAPER_COLOUR, autoStart: false, resolution: 1 });
  document.body.appendChild(app.canvas);
  app.ticker.stop();
  const data = benchMarket(p.scenario, p.seed, 0, p.teams);
  const model = regionModel({ ...data, locale: p.locale });
  const regionStage = new Container();
  const scene = new RegionScene(app, { parent: regionStage });
  scene.resize(p.width, p.height);
  scene.setModel(model);
  // The region's world transform, so the bare particles cover the same pixels.
  const world = scene.root.children[0]!;
  const bare = bareScene(app, model, { scale: world.scale.x, x: world.position.x, y: world.position.y });

  const gl = (app.renderer as WebGLRenderer).gl;
  const pixel = new Uint8Array(4);
  const frame = (stage: Container): number => {
    const t0 = performance.now();
    app.renderer.render(stage);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    return performance.now() - t0;
  };
  const status = document.getElementById('status')!;
  for (let i = 0; i < 15; i++) {
    frame(bare);
    frame(regionStage);
  }
  const out: BenchOutput = {
    particles: model.customers.count,
    firms: model.firms.filter((f) => f.active).length,
    renderer: String(gl.getParameter(gl.getExtension('WEBGL_debug_renderer_info')?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER)),
    width: p.width,
    height: p.height,
    frames: p.frames,
    blocks: p.blocks,
    bare: [],
    region: [],
    blockMedians: [],
  };
  for (let b = 0; b < 2 * p.blocks; b++) {
    const side = b % 2 === 0 ? 'bare' : 'region';
    const stage = side === 'bare' ? bare : regionStage;
    const times: number[] = [];
    for (let f = 0; f < p.frames; f++) times.push(frame(stage));
    out[side].push(...times);
    out.blockMedians.push({ side, ms: median(times) });
    status.textContent = `block ${b + 1} / ${2 * p.blocks}`;
    // Let the page breathe between blocks (and show the last frame drawn).
    await new Promise((r) => setTimeout(r, 0));
  }
  app.renderer.render(regionStage);
  status.textContent = `bare ${median(out.bare).toFixed(2)} ms · region ${median(out.region).toFixed(2)} ms`;
  window.__bench = out;
}

function describe(t: RegionTarget, model: RegionModel): string {
  const firm = (f: number) => (f >= 0 ? model.firms[f]!.name : '—');
  if (t.kind === 'territory') {
    const shares = t.territory.firmsPresent.map((f) => `${firm(f)} ${(t.territory.sharesBp[f]! / 100).toFixed(1)}%`).join('\n');
    return `${t.territory.name} (T${t.territory.tier})\n${shares}`;
  }
  if (t.kind === 'keyAccount') return `${t.account.name}\n${firm(t.account.supplier)}`;
  return `#${t.index} · ${t.territory.name}\n${firm(t.supplier)}`;
}

async function runView(p: BenchParams): Promise<void> {
  const app = new Application();
  await app.init({ resizeTo: window, preference: 'webgl', background: PAPER_COLOUR, antialias: true, autoDensity: true, resolution: window.devicePixelRatio || 1 });
  document.body.appendChild(app.canvas);
  const data = benchMarket(p.scenario, p.seed, p.rounds, p.teams);
  const model = regionModel({ ...data, locale: p.locale });
  const tip = document.getElementById('tip')!;
  const status = document.getElementById('status')!;
  const scene = new RegionScene(app, {
    onHover: (target, x, y) => {
      tip.style.display = target ? 'block' : 'none';
      if (!target) return;
      tip.textContent = describe(target, model);
      tip.style.left = `${x + 14}px`;
      tip.style.top = `${y + 14}px`;
    },
    onSelect: (target) => {
      status.textContent = target ? describe(target, model).replace(/\n/g, ' · ') : '';
    },
  });
  const fit = () => scene.resize(app.screen.width, app.screen.height);
  fit();
  window.addEventListener('resize', fit);
  window.addEventListener('keydown', (e) => {
    if (scene.handleKey(e.key)) e.preventDefault();
  });
  window.__region = scene;
  if (data.previous) {
    scene.setModel(model, { showPrevious: true });
    status.textContent = `${model.customers.switched} customers switched`;
    await scene.animateTo(model, 1500);
  } else {
    scene.setModel(model);
  }
  window.__regionReady = true;
}

async function start(): Promise<void> {
  const p = benchParams(location.search);
  try {
    await (p.mode === 'view' ? runView(p) : runBench(p));
  } catch (error) {
    window.__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
    throw error;
  }
}

void start();
