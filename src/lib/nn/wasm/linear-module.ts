/**
 * The dense-layer products as a WebAssembly SIMD module, generated with the assembler. Same
 * feature-major layout as linear-kernels.ts (unit j of sample b at j·count + b); every address
 * and stride is in bytes. Two functions cover the three products:
 * - `product`: out[r][b] = init[r] + Σ_s A[r][s]·X[s][b], the forward pass (A = W, init = bias)
 *   and the input gradients (A = Wᵀ, read through its strides; init = 0 from a zero slot);
 * - `weightGradients`: dW[j][i] = Σ_b dZ[j][b]·X[i][b] and db[j] = Σ_b dZ[j][b].
 * Both work in register tiles of 4 rows, so each vector loaded feeds four multiply-adds, and
 * take leftover rows one at a time and a leftover odd sample with scalar f64 code. Four more
 * copies of `product` apply ReLU or Leaky ReLU (forward) or its derivative (input gradients) to
 * each sum before it is stored, sparing a separate pass over the batch in JavaScript.
 */
import { assembleModule, F64, FunctionBuilder, I32, V128 } from './assembler.ts';

/** Emits `while (cursor + step <= limit) { body; cursor += step }`. */
function whileFits(f: FunctionBuilder, cursor: number, step: number, limit: number, body: () => void): void {
  f.block(() =>
    f.loop(() => {
      f.get(cursor).i32(step).add().get(limit).greaterThan().brIf(1);
      body();
      f.get(cursor).i32(step).add().set(cursor).br(0);
    }),
  );
}

/** `count` locals of one type. */
function locals(f: FunctionBuilder, type: typeof I32 | typeof F64 | typeof V128, count: number): number[] {
  return Array.from({ length: count }, () => f.local(type));
}

const ROW_TILES = [4, 1];

/**
 * Runs of the batch: two vectors (4 samples) at a time, then one vector, then one scalar
 * sample, so any batch length works and the common ones (multiples of 4) stay in the first.
 */
const SAMPLE_RUNS = [
  { vectors: 2, scalar: false },
  { vectors: 1, scalar: false },
  { vectors: 1, scalar: true },
];

/**
 * What a product does with each sum before storing it. 'relu' and 'leaky' (the forward pass)
 * store the sum as Z and f(Z) at the same offset in a second array; 'reluBack' and 'leakyBack'
 * (the input gradients) store sum·f'(Z) with Z read at the same offset in a second array, so
 * dA becomes dZ in the same pass. Every choice computes exactly what activation-kernels.ts does
 * (same operations, NaN kept, ReLU(z <= 0) = +0), so a fused run matches an unfused one bit for bit.
 */
export type Epilogue = 'none' | 'relu' | 'leaky' | 'reluBack' | 'leakyBack';

/** Emits the value for sum local `s` after the epilogue, leaving it on the stack (`other`: Z's or A's address). */
function emitEpilogue(f: FunctionBuilder, epilogue: Epilogue, scalar: boolean, s: number, other: () => void, alpha: number, zLocal: number): void {
  const zero = () => (scalar ? f.f64Const(0) : f.v128Zero());
  const one = () => (scalar ? f.f64Const(1) : f.f64x2Const(1));
  const greater = () => (scalar ? f.f64Greater() : f.f64x2Greater());
  switch (epilogue) {
    case 'none':
      f.get(s);
      return;
    case 'relu':
      // s where s > 0 or s is NaN, else +0.
      if (scalar) f.get(s).f64Const(0).get(s).f64Const(0).f64Greater().get(s).get(s).f64Ne().or().select();
      else f.get(s).get(s).v128Zero().f64x2Greater().get(s).get(s).f64x2Ne().v128Or().v128And();
      return;
    case 'leaky':
      // s > 0 ? s : alpha·s.
      f.get(s).get(alpha).get(s).run(() => (scalar ? f.f64Mul() : f.f64x2Mul())).get(s).run(zero).run(greater).run(() => (scalar ? f.select() : f.v128Bitselect()));
      return;
    case 'reluBack':
      // s · (z > 0 ? 1 : 0).
      f.get(s).run(other).set(zLocal);
      if (scalar) f.f64Const(1).f64Const(0).get(zLocal).f64Const(0).f64Greater().select().f64Mul();
      else f.get(zLocal).v128Zero().f64x2Greater().f64x2Const(1).v128And().f64x2Mul();
      return;
    case 'leakyBack':
      // s · (z > 0 ? 1 : z <= 0 ? alpha : z).
      f.get(s).run(other).set(zLocal);
      f.run(one).get(alpha).get(zLocal).get(zLocal).run(zero).run(() => (scalar ? f.f64LessOrEqual() : f.f64x2LessOrEqual()));
      f.run(() => (scalar ? f.select() : f.v128Bitselect()));
      f.get(zLocal).run(zero).run(greater).run(() => (scalar ? f.select() : f.v128Bitselect()));
      f.run(() => (scalar ? f.f64Mul() : f.f64x2Mul()));
      return;
  }
}

/**
 * out, a, aRowStride, aStepStride, x, rows, steps, count, init, initStride; with an epilogue
 * also other (A's or Z's base address) and alpha (the address of one f64).
 */
function product(name: string, epilogue: Epilogue): FunctionBuilder {
  const fused = epilogue !== 'none';
  const f = new FunctionBuilder(name, fused ? 12 : 10);
  const [out, a, aRow, aStep, x, rows, steps, count, init, initStep, other, alphaAddress] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [count8, r, bo, xp, sa, left, otherShift] = locals(f, I32, 7);
  const rowA = locals(f, I32, 4);
  const rowOut = locals(f, I32, 4);
  const rowInit = locals(f, I32, 4);
  const vectorSums = [locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2)];
  const scalarSums = locals(f, F64, 4).map((s) => [s]);
  const [xVectors, xScalar] = [locals(f, V128, 2), locals(f, F64, 1)];
  const [wVector, wScalar] = [f.local(V128), f.local(F64)];
  const [alphaVector, alphaScalar, zVector, zScalar] = [f.local(V128), f.local(F64), f.local(V128), f.local(F64)];

  f.get(count).i32(8).mul().set(count8);
  if (fused) {
    f.get(other).get(out).sub().set(otherShift);
    if (epilogue === 'leaky' || epilogue === 'leakyBack') {
      f.get(alphaAddress).v128Load64Splat().set(alphaVector);
      f.get(alphaAddress).f64Load().set(alphaScalar);
    }
  }
  f.i32(0).set(r);
  for (const tile of ROW_TILES) {
    whileFits(f, r, tile, rows, () => {
      for (let k = 0; k < tile; k++) {
        f.get(r).i32(k).add().get(aRow).mul().get(a).add().set(rowA[k]);
        f.get(r).i32(k).add().get(count8).mul().get(out).add().set(rowOut[k]);
        f.get(r).i32(k).add().get(initStep).mul().get(init).add().set(rowInit[k]);
      }
      f.i32(0).set(bo);
      for (const { vectors, scalar } of SAMPLE_RUNS) {
        const sums = scalar ? scalarSums : vectorSums;
        const xs = scalar ? xScalar : xVectors;
        const w = scalar ? wScalar : wVector;
        const load = (offset: number) => (scalar ? f.f64Load(offset) : f.v128Load(offset));
        const store = (offset: number) => (scalar ? f.f64Store(offset) : f.v128Store(offset));
        const loadSplat = () => (scalar ? f.f64Load() : f.v128Load64Splat());
        const multiplyAdd = () => (scalar ? f.f64Mul().f64Add() : f.f64x2Mul().f64x2Add());
        whileFits(f, bo, scalar ? 8 : 16 * vectors, count8, () => {
          for (let k = 0; k < tile; k++) {
            for (let v = 0; v < vectors; v++) f.get(rowInit[k]).run(loadSplat).set(sums[k][v]);
          }
          f.get(x).get(bo).add().set(xp);
          f.i32(0).set(sa);
          f.get(steps).set(left);
          // steps >= 1: every layer has at least one input and one output.
          f.loop(() => {
            for (let v = 0; v < vectors; v++) f.get(xp).run(() => load(16 * v)).set(xs[v]);
            for (let k = 0; k < tile; k++) {
              f.get(rowA[k]).get(sa).add().run(loadSplat).set(w);
              for (let v = 0; v < vectors; v++) f.get(sums[k][v]).get(w).get(xs[v]).run(multiplyAdd).set(sums[k][v]);
            }
            f.get(xp).get(count8).add().set(xp);
            f.get(sa).get(aStep).add().set(sa);
            f.get(left).i32(1).sub().tee(left).brIf(0);
          });
          const here = (k: number) => f.get(rowOut[k]).get(bo).add();
          const there = (k: number) => here(k).get(otherShift).add();
          const alpha = scalar ? alphaScalar : alphaVector;
          const z = scalar ? zScalar : zVector;
          for (let k = 0; k < tile; k++) {
            for (let v = 0; v < vectors; v++) {
              if (epilogue === 'relu' || epilogue === 'leaky') {
                // Z where the sums go, f(Z) at the same place in A.
                here(k).get(sums[k][v]).run(() => store(16 * v));
                there(k).run(() => emitEpilogue(f, epilogue, scalar, sums[k][v], () => {}, alpha, z)).run(() => store(16 * v));
              } else {
                here(k).run(() => emitEpilogue(f, epilogue, scalar, sums[k][v], () => there(k).run(() => load(16 * v)), alpha, z)).run(() => store(16 * v));
              }
            }
          }
        });
      }
    });
  }
  return f;
}

/** g, gBias, d, x, outputs, inputs, count. */
function weightGradients(): FunctionBuilder {
  const f = new FunctionBuilder('weightGradients', 7);
  const [g, gBias, d, x, outputs, inputs, count] = [0, 1, 2, 3, 4, 5, 6];
  const [count8, evenEnd, j, i, bo, biasBase, gColumn] = locals(f, I32, 7);
  const dRow = locals(f, I32, 4);
  const gRow = locals(f, I32, 4);
  const xRow = locals(f, I32, 2);
  const sums = [locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2)];
  const xVectors = locals(f, V128, 2);
  const dVector = f.local(V128);
  const total = f.local(F64);

  /** Sums over the batch for `tile` rows of dZ against `columns` rows of X, or against ones (columns 0: the bias). */
  const dotTile = (tile: number, columns: number, address: (k: number) => void, offset: (k: number, c: number) => number) => {
    const width = Math.max(columns, 1);
    for (let k = 0; k < tile; k++) for (let c = 0; c < width; c++) f.v128Zero().set(sums[k][c]);
    f.i32(0).set(bo);
    f.block(() =>
      f.loop(() => {
        f.get(bo).get(evenEnd).greaterOrEqual().brIf(1);
        for (let c = 0; c < columns; c++) f.get(xRow[c]).get(bo).add().v128Load().set(xVectors[c]);
        for (let k = 0; k < tile; k++) {
          f.get(dRow[k]).get(bo).add().v128Load().set(dVector);
          if (columns === 0) f.get(sums[k][0]).get(dVector).f64x2Add().set(sums[k][0]);
          for (let c = 0; c < columns; c++) f.get(sums[k][c]).get(dVector).get(xVectors[c]).f64x2Mul().f64x2Add().set(sums[k][c]);
        }
        f.get(bo).i32(16).add().set(bo).br(0);
      }),
    );
    for (let k = 0; k < tile; k++) {
      for (let c = 0; c < width; c++) {
        f.get(sums[k][c]).f64x2ExtractLane(0).get(sums[k][c]).f64x2ExtractLane(1).f64Add().set(total);
        // An odd batch leaves one sample after the vectors.
        f.get(count8).get(evenEnd).notEqual().when(() => {
          f.get(total).get(dRow[k]).get(evenEnd).add().f64Load();
          if (columns > 0) f.get(xRow[c]).get(evenEnd).add().f64Load().f64Mul();
          f.f64Add().set(total);
        });
        address(k);
        f.get(total).f64Store(offset(k, c));
      }
    }
  };

  f.get(count).i32(8).mul().tee(count8).i32(-16).and().set(evenEnd);
  f.i32(0).set(j);
  for (const tile of ROW_TILES) {
    whileFits(f, j, tile, outputs, () => {
      for (let k = 0; k < tile; k++) {
        f.get(j).i32(k).add().get(count8).mul().get(d).add().set(dRow[k]);
        f.get(j).i32(k).add().get(inputs).mul().i32(8).mul().get(g).add().set(gRow[k]);
      }
      f.get(j).i32(8).mul().get(gBias).add().set(biasBase);
      dotTile(tile, 0, () => f.get(biasBase), (k) => 8 * k);
      f.i32(0).set(i);
      for (const columns of [2, 1]) {
        whileFits(f, i, columns, inputs, () => {
          for (let c = 0; c < columns; c++) f.get(i).i32(c).add().get(count8).mul().get(x).add().set(xRow[c]);
          f.get(i).i32(8).mul().set(gColumn);
          dotTile(tile, columns, (k) => f.get(gRow[k]).get(gColumn).add(), (_, c) => 8 * c);
        });
      }
    });
  }
  return f;
}

/**
 * p, g, length, lrAddress, sumAddress: the SGD step p -= lr·g two entries at a time, and Σ g²
 * summed one entry at a time in index order (as diagnostics' sumOfSquares, so the same bits),
 * stored at sumAddress. The update hides under the sum's chain of dependent additions.
 */
function sgdStep(): FunctionBuilder {
  const f = new FunctionBuilder('sgdStep', 5);
  const [p, g, length, lrAddress, sumAddress] = [0, 1, 2, 3, 4];
  const [bytes, k] = locals(f, I32, 2);
  const [lrVector, gVector] = locals(f, V128, 2);
  const [lrScalar, gScalar, sum] = locals(f, F64, 3);
  f.get(lrAddress).v128Load64Splat().set(lrVector);
  f.get(lrAddress).f64Load().set(lrScalar);
  f.get(length).i32(8).mul().set(bytes);
  f.f64Const(0).set(sum);
  f.i32(0).set(k);
  whileFits(f, k, 16, bytes, () => {
    f.get(g).get(k).add().v128Load().set(gVector);
    f.get(p).get(k).add().get(p).get(k).add().v128Load().get(lrVector).get(gVector).f64x2Mul().f64x2Sub().v128Store();
    for (const lane of [0, 1] as const) {
      f.get(sum).get(gVector).f64x2ExtractLane(lane).get(gVector).f64x2ExtractLane(lane).f64Mul().f64Add().set(sum);
    }
  });
  f.get(k).get(bytes).notEqual().when(() => {
    f.get(g).get(k).add().f64Load().set(gScalar);
    f.get(p).get(k).add().get(p).get(k).add().f64Load().get(lrScalar).get(gScalar).f64Mul().f64Sub().f64Store();
    f.get(sum).get(gScalar).get(gScalar).f64Mul().f64Add().set(sum);
  });
  f.get(sumAddress).get(sum).f64Store();
  return f;
}

/** The fused products, by epilogue: each exported under this name. */
export const FUSED_PRODUCTS = { relu: 'productRelu', leaky: 'productLeaky', reluBack: 'productReluBack', leakyBack: 'productLeakyBack' } as const;

/** The module's bytes: `product`, the four fused products, `weightGradients` and `sgdStep`, importing env.memory. */
export function linearModuleBytes(): Uint8Array<ArrayBuffer> {
  const fused = Object.entries(FUSED_PRODUCTS).map(([epilogue, name]) => product(name, epilogue as Epilogue));
  return assembleModule([product('product', 'none'), ...fused, weightGradients(), sgdStep()]);
}
