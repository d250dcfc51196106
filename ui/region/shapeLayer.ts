/**
 * Flat discs and rings (territory rims, presence marks, the hover ring) as one Pixi Mesh: a small
 * shape is a square (2 triangles), a big one a 16-sided annulus (or fan) around its visible part,
 * and the fragments compare their squared distance to the centre with the edge, the rim and the
 * hole, which gives anti-aliased edges and a rim in one pass.
 *
 * Why not Graphics or Sprites: they go through Pixi's batcher, whose fragment shader chooses
 * among up to 32 textures per pixel. On a software GPU (SwiftShader, which a laptop or projector
 * PC without a GPU driver falls back to) that is ~40× the cost of a flat fill. There each
 * triangle also costs about as much as a thousand pixels, so circles are few-sided polygons
 * whose true edge the shader finds, and each pixel drawn counts, so territories are rings rather
 * than filled discs. Varyings that are the same over a shape are `flat` (not interpolated).
 * Geometry is rebuilt only when shapes, colours or the zoom change (rims and edges are sized in
 * screen pixels), never on a still frame.
 */
import { Buffer, BufferUsage, Geometry, Mesh, Shader } from 'pixi.js';

export interface Shape {
  readonly x: number;
  readonly y: number;
  /** Radius, in the layer's units. */
  readonly r: number;
  /** 0xRRGGBB and opacity of the inside (0: a ring only). */
  readonly fill: number;
  readonly fillAlpha?: number;
  /** 0xRRGGBB of the rim, and its width in screen pixels (0: no rim). */
  readonly rim: number;
  readonly rimPx: number;
  /** Nothing is drawn inside this radius (layer units): the fill becomes a band. */
  readonly hole?: number;
}

const VERTEX = `#version 300 es
in vec2 aPosition;
in vec2 aLocal;
in vec4 aFill;
in vec4 aRim;
in vec4 aShape;
out vec2 vLocal;
flat out vec4 vFill;
flat out vec4 vRim;
flat out vec4 vShape;
uniform mat3 uProjectionMatrix;
uniform mat3 uWorldTransformMatrix;
uniform mat3 uTransformMatrix;
void main() {
  mat3 mvp = uProjectionMatrix * uWorldTransformMatrix * uTransformMatrix;
  gl_Position = vec4((mvp * vec3(aPosition, 1.0)).xy, 0.0, 1.0);
  vLocal = aLocal;
  vFill = aFill;
  vRim = aRim;
  vShape = aShape;
}`;

// In local units the shape's radius is 1 and q = d² the squared distance to its centre; near a
// circle of radius c, (q − c²) / 2c ≈ d − c, so no square root is needed. vShape: x = 1 / (2 ×
// a pixel in local units), y = q where the rim starts (2: no rim), z = the rim's slope, w = q of
// the hole (−1: none; its slope is taken as x). Colours are premultiplied.
const FRAGMENT = `#version 300 es
precision mediump float;
in vec2 vLocal;
flat in vec4 vFill;
flat in vec4 vRim;
flat in vec4 vShape;
out vec4 finalColor;
uniform vec4 uColor;
void main() {
  float q = dot(vLocal, vLocal);
  float cover = clamp((1.0 - q) * vShape.x + 0.5, 0.0, 1.0) * clamp((q - vShape.w) * vShape.x + 0.5, 0.0, 1.0);
  float rim = clamp((q - vShape.y) * vShape.z + 0.5, 0.0, 1.0);
  finalColor = mix(vFill, vRim, rim) * (cover * uColor.a);
}`;

/** Shapes at least this many pixels across are drawn as 16-gons, smaller ones as squares. */
const BIG_PX = 24;
const SIDES = 16;

let sharedShader: Shader | null = null;
function shader(): Shader {
  sharedShader ??= Shader.from({ gl: { vertex: VERTEX, fragment: FRAGMENT, name: 'region-shapes' }, resources: {} });
  return sharedShader;
}

function pushPremultiplied(out: number[], colour: number, alpha: number): void {
  out.push((((colour >> 16) & 255) / 255) * alpha, (((colour >> 8) & 255) / 255) * alpha, ((colour & 255) / 255) * alpha, alpha);
}

function vertexBuffer(data: number[]): Buffer {
  return new Buffer({ data: new Float32Array(data), usage: BufferUsage.VERTEX | BufferUsage.COPY_DST });
}

/** Vertices and triangles of the mesh. */
class Builder {
  readonly position: number[] = [];
  readonly local: number[] = [];
  readonly fill: number[] = [];
  readonly rim: number[] = [];
  readonly shape: number[] = [];
  readonly index: number[] = [];

  /** A vertex at local (lx, ly) of shape s, where a screen pixel is `px` local units. */
  vertex(s: Shape, lx: number, ly: number, px: number): number {
    const n = this.position.length / 2;
    this.position.push(s.x + lx * s.r, s.y + ly * s.r);
    this.local.push(lx, ly);
    pushPremultiplied(this.fill, s.fill, s.fillAlpha ?? 1);
    pushPremultiplied(this.rim, s.rim, 1);
    const rimStart = 1 - (s.rimPx + 0.5) * px;
    const hole = (s.hole ?? 0) / s.r;
    this.shape.push(
      1 / (2 * px),
      s.rimPx > 0 && rimStart > 0 ? rimStart * rimStart : 2,
      s.rimPx > 0 && rimStart > 0 ? 1 / (2 * rimStart * px) : 1,
      hole > 0 ? hole * hole : -1,
    );
    return n;
  }

  geometry(): Geometry {
    const empty = this.index.length === 0;
    return new Geometry({
      attributes: {
        aPosition: { buffer: vertexBuffer(empty ? [0, 0] : this.position), format: 'float32x2' },
        aLocal: { buffer: vertexBuffer(empty ? [0, 0] : this.local), format: 'float32x2' },
        aFill: { buffer: vertexBuffer(empty ? [0, 0, 0, 0] : this.fill), format: 'float32x4' },
        aRim: { buffer: vertexBuffer(empty ? [0, 0, 0, 0] : this.rim), format: 'float32x4' },
        aShape: { buffer: vertexBuffer(empty ? [0, 0, 0, 0] : this.shape), format: 'float32x4' },
      },
      indexBuffer: new Uint32Array(empty ? [0, 0, 0] : this.index),
    });
  }
}

/** A small shape: a square around its soft edge. */
function square(b: Builder, s: Shape, px: number): void {
  const reach = 1 + px;
  const a = b.vertex(s, -reach, -reach, px);
  b.vertex(s, reach, -reach, px);
  b.vertex(s, reach, reach, px);
  b.vertex(s, -reach, reach, px);
  b.index.push(a, a + 1, a + 2, a, a + 2, a + 3);
}

/** A big shape: a 16-sided annulus from just inside its hole to just outside its edge (a fan without a hole). */
function polygon(b: Builder, s: Shape, px: number): void {
  const outer = (1 + px) / Math.cos(Math.PI / SIDES);
  const inner = Math.max(0, (s.hole ?? 0) / s.r - px);
  if (inner === 0) {
    const centre = b.vertex(s, 0, 0, px);
    for (let k = 0; k < SIDES; k++) {
      const a = (2 * Math.PI * k) / SIDES;
      b.vertex(s, Math.cos(a) * outer, Math.sin(a) * outer, px);
    }
    for (let k = 0; k < SIDES; k++) b.index.push(centre, centre + 1 + k, centre + 1 + ((k + 1) % SIDES));
    return;
  }
  const first = b.position.length / 2;
  for (let k = 0; k < SIDES; k++) {
    const a = (2 * Math.PI * k) / SIDES;
    b.vertex(s, Math.cos(a) * inner, Math.sin(a) * inner, px);
    b.vertex(s, Math.cos(a) * outer, Math.sin(a) * outer, px);
  }
  for (let k = 0; k < SIDES; k++) {
    const i = first + 2 * k;
    const j = first + 2 * ((k + 1) % SIDES);
    b.index.push(i, i + 1, j + 1, i, j + 1, j);
  }
}

export class ShapeLayer {
  readonly mesh: Mesh<Geometry, Shader>;

  constructor(label: string) {
    this.mesh = new Mesh({ geometry: new Builder().geometry(), shader: shader(), label });
    this.mesh.visible = false;
  }

  /**
   * Replaces every shape. `pixel` is the size of one screen pixel in the layer's units (1 / the
   * layer's scale on screen), for the rims and the soft edges.
   */
  set(shapes: readonly Shape[], pixel: number): void {
    const b = new Builder();
    for (const s of shapes) {
      const px = pixel / s.r;
      if ((2 * s.r) / pixel >= BIG_PX) polygon(b, s, px);
      else square(b, s, px);
    }
    const old = this.mesh.geometry;
    this.mesh.geometry = b.geometry();
    old.destroy(true);
    // An empty mesh is not drawn at all (a draw call costs even when it covers nothing).
    this.mesh.visible = shapes.length > 0;
  }

  destroy(): void {
    this.mesh.destroy();
  }
}
