/**
 * The shader of the map's overlay particles (labels and pins): Pixi's particle shader, but with
 * the colour as a `flat` varying — it is the same over a whole particle, and a software
 * rasteriser (SwiftShader) would otherwise interpolate it for every pixel. WebGL 2 only.
 */
import { Color, GlProgram, Matrix, Shader, Texture, TextureStyle } from 'pixi.js';

const VERTEX = `#version 300 es
in vec2 aVertex;
in vec2 aUV;
in vec4 aColor;
in vec2 aPosition;
in float aRotation;
uniform mat3 uTranslationMatrix;
uniform float uRound;
uniform vec2 uResolution;
uniform vec4 uColor;
out vec2 vUV;
flat out vec4 vColor;
void main(void) {
  float c = cos(aRotation);
  float s = sin(aRotation);
  vec2 v = vec2(aVertex.x * c - aVertex.y * s, aVertex.x * s + aVertex.y * c) + aPosition;
  gl_Position = vec4((uTranslationMatrix * vec3(v, 1.0)).xy, 0.0, 1.0);
  if (uRound == 1.0) {
    gl_Position.xy = (floor(((gl_Position.xy * 0.5 + 0.5) * uResolution) + 0.5) / uResolution) * 2.0 - 1.0;
  }
  vUV = aUV;
  vColor = vec4(aColor.rgb * aColor.a, aColor.a) * uColor;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
in vec2 vUV;
flat in vec4 vColor;
uniform sampler2D uTexture;
out vec4 finalColor;
void main(void) {
  finalColor = texture(uTexture, vUV) * vColor;
}`;

export function overlayShader(): Shader {
  return new Shader({
    glProgram: GlProgram.from({ vertex: VERTEX, fragment: FRAGMENT, name: 'region-overlay' }),
    resources: {
      // Replaced by the ParticleContainer's texture, texture style and uniforms when drawn.
      uTexture: Texture.WHITE.source,
      uSampler: new TextureStyle({}),
      uniforms: {
        uTranslationMatrix: { value: new Matrix(), type: 'mat3x3<f32>' },
        uColor: { value: new Color(0xffffff), type: 'vec4<f32>' },
        uRound: { value: 1, type: 'f32' },
        uResolution: { value: [0, 0], type: 'vec2<f32>' },
      },
    },
  });
}
