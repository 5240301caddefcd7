/**
 * The three products of a dense layer over a batch held feature-major (unit j of sample b at
 * j·count + b), so every inner loop runs along the batch: contiguous, independent and as long
 * as the batch whatever the layer widths. Each kernel works on 4 × 4 tiles of the weight
 * matrix, keeping 16 weights (or 8 partial sums) in registers so that every value loaded from
 * a batch row feeds four multiply-adds; leftover rows and columns take a plain loop.
 * W is outputs × inputs, row-major (as torch.nn.Linear), at the start of a layer's parameters.
 */
import type { FloatArray, LayerShape } from './network.ts';

/** Z = W·X + b for `count` samples. */
export function linearForward(shape: LayerShape, parameters: FloatArray, x: FloatArray, z: FloatArray, count: number): void {
  const { inputs, outputs, biasOffset } = shape;
  const w = parameters;
  let j = 0;
  for (; j + 3 < outputs; j += 4) {
    const r0 = j * count;
    const r1 = r0 + count;
    const r2 = r1 + count;
    const r3 = r2 + count;
    const m0 = j * inputs;
    const m1 = m0 + inputs;
    const m2 = m1 + inputs;
    const m3 = m2 + inputs;
    const c0 = w[biasOffset + j];
    const c1 = w[biasOffset + j + 1];
    const c2 = w[biasOffset + j + 2];
    const c3 = w[biasOffset + j + 3];
    // The first pass assigns bias plus the first inputs' terms, sparing a pass that only clears.
    let i = 0;
    if (inputs >= 4) {
      const w00 = w[m0], w01 = w[m0 + 1], w02 = w[m0 + 2], w03 = w[m0 + 3];
      const w10 = w[m1], w11 = w[m1 + 1], w12 = w[m1 + 2], w13 = w[m1 + 3];
      const w20 = w[m2], w21 = w[m2 + 1], w22 = w[m2 + 2], w23 = w[m2 + 3];
      const w30 = w[m3], w31 = w[m3 + 1], w32 = w[m3 + 2], w33 = w[m3 + 3];
      for (let b = 0; b < count; b++) {
        const x0 = x[b];
        const x1 = x[count + b];
        const x2 = x[2 * count + b];
        const x3 = x[3 * count + b];
        z[r0 + b] = c0 + w00 * x0 + w01 * x1 + w02 * x2 + w03 * x3;
        z[r1 + b] = c1 + w10 * x0 + w11 * x1 + w12 * x2 + w13 * x3;
        z[r2 + b] = c2 + w20 * x0 + w21 * x1 + w22 * x2 + w23 * x3;
        z[r3 + b] = c3 + w30 * x0 + w31 * x1 + w32 * x2 + w33 * x3;
      }
      i = 4;
    } else {
      const w0 = w[m0], w1 = w[m1], w2 = w[m2], w3 = w[m3];
      for (let b = 0; b < count; b++) {
        const x0 = x[b];
        z[r0 + b] = c0 + w0 * x0;
        z[r1 + b] = c1 + w1 * x0;
        z[r2 + b] = c2 + w2 * x0;
        z[r3 + b] = c3 + w3 * x0;
      }
      i = 1;
    }
    for (; i + 3 < inputs; i += 4) {
      const a0 = i * count;
      const a1 = a0 + count;
      const a2 = a1 + count;
      const a3 = a2 + count;
      const w00 = w[m0 + i], w01 = w[m0 + i + 1], w02 = w[m0 + i + 2], w03 = w[m0 + i + 3];
      const w10 = w[m1 + i], w11 = w[m1 + i + 1], w12 = w[m1 + i + 2], w13 = w[m1 + i + 3];
      const w20 = w[m2 + i], w21 = w[m2 + i + 1], w22 = w[m2 + i + 2], w23 = w[m2 + i + 3];
      const w30 = w[m3 + i], w31 = w[m3 + i + 1], w32 = w[m3 + i + 2], w33 = w[m3 + i + 3];
      for (let b = 0; b < count; b++) {
        const x0 = x[a0 + b];
        const x1 = x[a1 + b];
        const x2 = x[a2 + b];
        const x3 = x[a3 + b];
        z[r0 + b] += w00 * x0 + w01 * x1 + w02 * x2 + w03 * x3;
        z[r1 + b] += w10 * x0 + w11 * x1 + w12 * x2 + w13 * x3;
        z[r2 + b] += w20 * x0 + w21 * x1 + w22 * x2 + w23 * x3;
        z[r3 + b] += w30 * x0 + w31 * x1 + w32 * x2 + w33 * x3;
      }
    }
    for (; i < inputs; i++) {
      const a0 = i * count;
      const w0 = w[m0 + i], w1 = w[m1 + i], w2 = w[m2 + i], w3 = w[m3 + i];
      for (let b = 0; b < count; b++) {
        const x0 = x[a0 + b];
        z[r0 + b] += w0 * x0;
        z[r1 + b] += w1 * x0;
        z[r2 + b] += w2 * x0;
        z[r3 + b] += w3 * x0;
      }
    }
  }
  for (; j < outputs; j++) {
    const r0 = j * count;
    const m0 = j * inputs;
    const c0 = w[biasOffset + j];
    for (let b = 0; b < count; b++) z[r0 + b] = c0;
    for (let i = 0; i < inputs; i++) {
      const a0 = i * count;
      const w0 = w[m0 + i];
      for (let b = 0; b < count; b++) z[r0 + b] += w0 * x[a0 + b];
    }
  }
}

/** dW = dZ·Xᵀ and db = Σ_b dZ, written (not added) into the front of `gradient`. */
export function weightGradients(shape: LayerShape, x: FloatArray, delta: FloatArray, gradient: FloatArray, count: number): void {
  const { inputs, outputs, biasOffset } = shape;
  const d = delta;
  const g = gradient;
  let j = 0;
  for (; j + 3 < outputs; j += 4) {
    const r0 = j * count;
    const r1 = r0 + count;
    const r2 = r1 + count;
    const r3 = r2 + count;
    const m0 = j * inputs;
    const m1 = m0 + inputs;
    const m2 = m1 + inputs;
    const m3 = m2 + inputs;
    let t0 = 0, t1 = 0, t2 = 0, t3 = 0;
    for (let b = 0; b < count; b++) {
      t0 += d[r0 + b];
      t1 += d[r1 + b];
      t2 += d[r2 + b];
      t3 += d[r3 + b];
    }
    g[biasOffset + j] = t0;
    g[biasOffset + j + 1] = t1;
    g[biasOffset + j + 2] = t2;
    g[biasOffset + j + 3] = t3;
    // Four outputs by two inputs: eight running sums is as many as stay in registers.
    let i = 0;
    for (; i + 1 < inputs; i += 2) {
      const a0 = i * count;
      const a1 = a0 + count;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let b = 0; b < count; b++) {
        const x0 = x[a0 + b];
        const x1 = x[a1 + b];
        const e0 = d[r0 + b];
        const e1 = d[r1 + b];
        const e2 = d[r2 + b];
        const e3 = d[r3 + b];
        s00 += e0 * x0;
        s01 += e0 * x1;
        s10 += e1 * x0;
        s11 += e1 * x1;
        s20 += e2 * x0;
        s21 += e2 * x1;
        s30 += e3 * x0;
        s31 += e3 * x1;
      }
      g[m0 + i] = s00;
      g[m0 + i + 1] = s01;
      g[m1 + i] = s10;
      g[m1 + i + 1] = s11;
      g[m2 + i] = s20;
      g[m2 + i + 1] = s21;
      g[m3 + i] = s30;
      g[m3 + i + 1] = s31;
    }
    for (; i < inputs; i++) {
      const a0 = i * count;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let b = 0; b < count; b++) {
        const x0 = x[a0 + b];
        s0 += d[r0 + b] * x0;
        s1 += d[r1 + b] * x0;
        s2 += d[r2 + b] * x0;
        s3 += d[r3 + b] * x0;
      }
      g[m0 + i] = s0;
      g[m1 + i] = s1;
      g[m2 + i] = s2;
      g[m3 + i] = s3;
    }
  }
  for (; j < outputs; j++) {
    const r0 = j * count;
    const m0 = j * inputs;
    let t0 = 0;
    for (let b = 0; b < count; b++) t0 += d[r0 + b];
    g[biasOffset + j] = t0;
    for (let i = 0; i < inputs; i++) {
      const a0 = i * count;
      let s0 = 0;
      for (let b = 0; b < count; b++) s0 += d[r0 + b] * x[a0 + b];
      g[m0 + i] = s0;
    }
  }
}

/** dX = Wᵀ·dZ: the gradient with respect to the layer's inputs, written into `upstream`. */
export function inputGradients(shape: LayerShape, parameters: FloatArray, delta: FloatArray, upstream: FloatArray, count: number): void {
  const { inputs, outputs } = shape;
  const w = parameters;
  const d = delta;
  const u = upstream;
  let i = 0;
  for (; i + 3 < inputs; i += 4) {
    const r0 = i * count;
    const r1 = r0 + count;
    const r2 = r1 + count;
    const r3 = r2 + count;
    // The first pass assigns the first outputs' terms, sparing a pass that only clears.
    let j = 0;
    if (outputs >= 4) {
      const k1 = inputs + i;
      const k2 = k1 + inputs;
      const k3 = k2 + inputs;
      const w00 = w[i], w01 = w[k1], w02 = w[k2], w03 = w[k3];
      const w10 = w[i + 1], w11 = w[k1 + 1], w12 = w[k2 + 1], w13 = w[k3 + 1];
      const w20 = w[i + 2], w21 = w[k1 + 2], w22 = w[k2 + 2], w23 = w[k3 + 2];
      const w30 = w[i + 3], w31 = w[k1 + 3], w32 = w[k2 + 3], w33 = w[k3 + 3];
      for (let b = 0; b < count; b++) {
        const e0 = d[b];
        const e1 = d[count + b];
        const e2 = d[2 * count + b];
        const e3 = d[3 * count + b];
        u[r0 + b] = w00 * e0 + w01 * e1 + w02 * e2 + w03 * e3;
        u[r1 + b] = w10 * e0 + w11 * e1 + w12 * e2 + w13 * e3;
        u[r2 + b] = w20 * e0 + w21 * e1 + w22 * e2 + w23 * e3;
        u[r3 + b] = w30 * e0 + w31 * e1 + w32 * e2 + w33 * e3;
      }
      j = 4;
    } else {
      const w0 = w[i], w1 = w[i + 1], w2 = w[i + 2], w3 = w[i + 3];
      for (let b = 0; b < count; b++) {
        const e0 = d[b];
        u[r0 + b] = w0 * e0;
        u[r1 + b] = w1 * e0;
        u[r2 + b] = w2 * e0;
        u[r3 + b] = w3 * e0;
      }
      j = 1;
    }
    for (; j + 3 < outputs; j += 4) {
      const k0 = j * inputs + i;
      const k1 = k0 + inputs;
      const k2 = k1 + inputs;
      const k3 = k2 + inputs;
      // wIJ is the weight from input i+I to output j+J.
      const w00 = w[k0], w01 = w[k1], w02 = w[k2], w03 = w[k3];
      const w10 = w[k0 + 1], w11 = w[k1 + 1], w12 = w[k2 + 1], w13 = w[k3 + 1];
      const w20 = w[k0 + 2], w21 = w[k1 + 2], w22 = w[k2 + 2], w23 = w[k3 + 2];
      const w30 = w[k0 + 3], w31 = w[k1 + 3], w32 = w[k2 + 3], w33 = w[k3 + 3];
      const d0 = j * count;
      const d1 = d0 + count;
      const d2 = d1 + count;
      const d3 = d2 + count;
      for (let b = 0; b < count; b++) {
        const e0 = d[d0 + b];
        const e1 = d[d1 + b];
        const e2 = d[d2 + b];
        const e3 = d[d3 + b];
        u[r0 + b] += w00 * e0 + w01 * e1 + w02 * e2 + w03 * e3;
        u[r1 + b] += w10 * e0 + w11 * e1 + w12 * e2 + w13 * e3;
        u[r2 + b] += w20 * e0 + w21 * e1 + w22 * e2 + w23 * e3;
        u[r3 + b] += w30 * e0 + w31 * e1 + w32 * e2 + w33 * e3;
      }
    }
    for (; j < outputs; j++) {
      const k0 = j * inputs + i;
      const d0 = j * count;
      const w0 = w[k0], w1 = w[k0 + 1], w2 = w[k0 + 2], w3 = w[k0 + 3];
      for (let b = 0; b < count; b++) {
        const e0 = d[d0 + b];
        u[r0 + b] += w0 * e0;
        u[r1 + b] += w1 * e0;
        u[r2 + b] += w2 * e0;
        u[r3 + b] += w3 * e0;
      }
    }
  }
  for (; i < inputs; i++) {
    const r0 = i * count;
    for (let b = 0; b < count; b++) u[r0 + b] = 0;
    for (let j = 0; j < outputs; j++) {
      const w0 = w[j * inputs + i];
      const d0 = j * count;
      for (let b = 0; b < count; b++) u[r0 + b] += w0 * d[d0 + b];
    }
  }
}
