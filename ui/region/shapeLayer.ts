/**
 * Flat round and diamond shapes (territory discs, presence marks, key-account pins, the hover
 * ring) as ONE Pixi Mesh per layer. Each shape is an octagon (8 triangles) whose fragments
 * measure their distance to the shape's centre, which gives an anti-aliased edge and a rim in
 * one cheap pass; colours, rim width and edge softness travel in the vertices.
 *
 * Why not Graphics or Sprites: they go through Pixi's batcher, whose fragment shader chooses
 * among up to 32 textures per pixel. On a software GPU (SwiftShader, which a laptop or projector
 * PC without a GPU driver falls back to) that is ~40× the cost of a flat fill, and territory
 * discs cover a third of the map. Tessellating circles finely instead costs thousands of
 * triangles, and a software rasteriser pays for every one. The geometry is rebuilt only when
 * shapes, colours or the zoom change (rims and edges are sized in screen pixels), never on a
 * still frame.
 */
import { Buffer, BufferUsage, Geometry, Mesh, Shader } from 'pixi.js';

export interface Shape {
  readonly x: number;
  readonly y: number;
  /** Radius (centre to edge; for a diamond, to a corner), in the layer's units. */
  readonly r: number;
  /** 0xRRGGBB and opacity of the inside (0: a ring only). */
  readonly fill: number;
  readonly fillAlpha?: number;
  /** 0xRRGGBB of the rim, and its width in screen pixels (0: no rim). */
  readonly rim: number;
  readonly rimPx: number;
  readonly diamond?: boolean;
}

const VERTEX = `
in vec2 aPosition;
in vec2 aLocal;
in vec4 aFill;
in vec4 aRim;
in vec3 aShape;
out vec2 vLocal;
out vec4 vFill;
out vec4 vRim;
out vec3 vShape;
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

// vShape: x = one screen pixel in local units (the shape's radius is 1), y = the rim's width in
// local units (0: none), z = 1 for a diamond. Colours arrive premultiplied.
const FRAGMENT = `
in vec2 vLocal;
in vec4 vFill;
in vec4 vRim;
in vec3 vShape;
out vec4 finalColor;
uniform vec4 uColor;
void main() {
  float d = mix(length(vLocal), abs(vLocal.x) + abs(vLocal.y), vShape.z);
  float px = vShape.x;
  float cover = clamp((1.0 - d) / px + 0.5, 0.0, 1.0);
  float rim = vShape.y > 0.0 ? clamp((d - 1.0 + vShape.y) / px + 0.5, 0.0, 1.0) : 0.0;
  finalColor = mix(vFill, vRim, rim) * (cover * uColor.a);
}`;

/** Octagon around the unit circle, with room for the half-pixel of soft edge outside it. */
const SIDES = 8;
const VERTS = SIDES + 1;

let sharedShader: Shader | null = null;
function shader(): Shader {
  sharedShader ??= Shader.from({ gl: { vertex: VERTEX, fragment: FRAGMENT, name: 'region-shapes' }, resources: {} });
  return sharedShader;
}

function premultiplied(colour: number, alpha: number, out: Float32Array, at: number): void {
  out[at] = (((colour >> 16) & 255) / 255) * alpha;
  out[at + 1] = (((colour >> 8) & 255) / 255) * alpha;
  out[at + 2] = ((colour & 255) / 255) * alpha;
  out[at + 3] = alpha;
}

function vertexBuffer(data: Float32Array): Buffer {
  return new Buffer({ data, usage: BufferUsage.VERTEX | BufferUsage.COPY_DST });
}

export class ShapeLayer {
  readonly mesh: Mesh<Geometry, Shader>;

  constructor(label: string) {
    this.mesh = new Mesh({ geometry: ShapeLayer.geometry([], 1), shader: shader(), label });
    this.mesh.visible = false;
  }

  private static geometry(shapes: readonly Shape[], pixel: number): Geometry {
    const n = Math.max(1, shapes.length);
    const position = new Float32Array(n * VERTS * 2);
    const local = new Float32Array(n * VERTS * 2);
    const fill = new Float32Array(n * VERTS * 4);
    const rim = new Float32Array(n * VERTS * 4);
    const shape = new Float32Array(n * VERTS * 3);
    const index = new Uint32Array(n * SIDES * 3);
    shapes.forEach((s, i) => {
      const px = pixel / s.r;
      // The octagon reaches half a pixel past the edge, and circumscribes that circle.
      const reach = (1 + px) / Math.cos(Math.PI / SIDES);
      for (let v = 0; v < VERTS; v++) {
        const at = i * VERTS + v;
        const a = (2 * Math.PI * (v - 0.5)) / SIDES;
        const lx = v === 0 ? 0 : Math.cos(a) * reach;
        const ly = v === 0 ? 0 : Math.sin(a) * reach;
        local[at * 2] = lx;
        local[at * 2 + 1] = ly;
        position[at * 2] = s.x + lx * s.r;
        position[at * 2 + 1] = s.y + ly * s.r;
        premultiplied(s.fill, s.fillAlpha ?? 1, fill, at * 4);
        premultiplied(s.rim, 1, rim, at * 4);
        shape[at * 3] = s.diamond ? px * Math.SQRT2 : px;
        shape[at * 3 + 1] = s.rimPx > 0 ? (s.rimPx + 0.5) * px * (s.diamond ? Math.SQRT2 : 1) : 0;
        shape[at * 3 + 2] = s.diamond ? 1 : 0;
      }
      for (let k = 0; k < SIDES; k++) {
        const at = (i * SIDES + k) * 3;
        index[at] = i * VERTS;
        index[at + 1] = i * VERTS + 1 + k;
        index[at + 2] = i * VERTS + 1 + ((k + 1) % SIDES);
      }
    });
    return new Geometry({
      attributes: {
        aPosition: { buffer: vertexBuffer(position), format: 'float32x2' },
        aLocal: { buffer: vertexBuffer(local), format: 'float32x2' },
        aFill: { buffer: vertexBuffer(fill), format: 'float32x4' },
        aRim: { buffer: vertexBuffer(rim), format: 'float32x4' },
        aShape: { buffer: vertexBuffer(shape), format: 'float32x3' },
      },
      indexBuffer: index,
    });
  }

  /**
   * Replaces every shape. `pixel` is the size of one screen pixel in the layer's units (1 / the
   * layer's scale on screen), for the rims and the soft edges.
   */
  set(shapes: readonly Shape[], pixel: number): void {
    const old = this.mesh.geometry;
    this.mesh.geometry = ShapeLayer.geometry(shapes, pixel);
    old.destroy(true);
    // An empty layer is not drawn at all (a draw call costs even when it covers nothing).
    this.mesh.visible = shapes.length > 0;
  }

  destroy(): void {
    this.mesh.geometry.destroy(true);
    this.mesh.destroy();
  }
}
