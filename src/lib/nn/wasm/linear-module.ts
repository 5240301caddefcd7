/**
 * The dense-layer products as a WebAssembly SIMD module, generated with the assembler for one
 * number format (precision.ts: f64, the engine's; f32, the preview's). Same feature-major
 * layout as linear-kernels.ts (unit j of sample b at j·count + b); every address and stride is
 * in bytes. Two functions cover the three products:
 * - `product`: out[r][b] = init[r] + Σ_s A[r][s]·X[s][b], the forward pass (A = W, init = bias)
 *   and the input gradients (A = Wᵀ, read through its strides; init = 0 from a zero slot);
 * - `weightGradients`: dW[j][i] = Σ_b dZ[j][b]·X[i][b] and db[j] = Σ_b dZ[j][b].
 * Both work in register tiles of 4 rows, so each vector loaded feeds four multiply-adds, and
 * take leftover rows one at a time and leftover samples with scalar code. Four more copies of
 * `product` apply ReLU or Leaky ReLU (forward) or its derivative (input gradients) to each sum
 * before it is stored, sparing a separate pass over the batch in JavaScript; `sgdStep` updates
 * a layer and sums its squared gradient.
 */
import { assembleModule, FunctionBuilder, I32, V128, type ValueType } from './assembler.ts';
import { FLOAT64, type Precision } from './precision.ts';

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
function locals(f: FunctionBuilder, type: ValueType, count: number): number[] {
  return Array.from({ length: count }, () => f.local(type));
}

const ROW_TILES = [4, 1];

/**
 * Runs of the batch: two vectors at a time, then one vector, then one scalar sample, so any
 * batch length works and the common ones (multiples of 2 × lanes) stay in the first.
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

/** Emits the value for sum local `s` after the epilogue, leaving it on the stack (`other`: pushes Z from the second array). */
function emitEpilogue(f: FunctionBuilder, P: Precision, epilogue: Epilogue, scalar: boolean, s: number, other: () => void, alpha: number, zLocal: number): void {
  const zero = () => (scalar ? P.constant(f, 0) : f.v128Zero());
  const one = () => (scalar ? P.constant(f, 1) : P.vectorConstant(f, 1));
  const greater = () => (scalar ? P.greater(f) : P.vectorGreater(f));
  const multiply = () => (scalar ? P.mul(f) : P.vectorMul(f));
  const choose = () => (scalar ? f.select() : f.v128Bitselect());
  switch (epilogue) {
    case 'none':
      f.get(s);
      return;
    case 'relu':
      // s where s > 0 or s is NaN, else +0.
      if (scalar) f.get(s).run(zero).get(s).run(zero).run(greater).get(s).get(s).run(() => P.notEqual(f)).or().select();
      else f.get(s).get(s).v128Zero().run(greater).get(s).get(s).run(() => P.vectorNotEqual(f)).v128Or().v128And();
      return;
    case 'leaky':
      // s > 0 ? s : alpha·s.
      f.get(s).get(alpha).get(s).run(multiply).get(s).run(zero).run(greater).run(choose);
      return;
    case 'reluBack':
      // s · (z > 0 ? 1 : 0).
      f.get(s).run(other).set(zLocal);
      if (scalar) f.run(one).run(zero).get(zLocal).run(zero).run(greater).select().run(multiply);
      else f.get(zLocal).v128Zero().run(greater).run(one).v128And().run(multiply);
      return;
    case 'leakyBack':
      // s · (z > 0 ? 1 : z <= 0 ? alpha : z).
      f.get(s).run(other).set(zLocal);
      f.run(one).get(alpha).get(zLocal).get(zLocal).run(zero).run(() => (scalar ? P.lessOrEqual(f) : P.vectorLessOrEqual(f))).run(choose);
      f.get(zLocal).run(zero).run(greater).run(choose).run(multiply);
      return;
  }
}

/**
 * out, a, aRowStride, aStepStride, x, rows, steps, count, init, initStride; with an epilogue
 * also other (A's or Z's base address) and alpha (the address of one number).
 */
function product(P: Precision, name: string, epilogue: Epilogue): FunctionBuilder {
  const fused = epilogue !== 'none';
  const f = new FunctionBuilder(name, fused ? 12 : 10);
  const [out, a, aRow, aStep, x, rows, steps, count, init, initStep, other, alphaAddress] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  const [countBytes, r, bo, xp, sa, left, otherShift] = locals(f, I32, 7);
  const rowA = locals(f, I32, 4);
  const rowOut = locals(f, I32, 4);
  const rowInit = locals(f, I32, 4);
  const vectorSums = [locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2)];
  const scalarSums = locals(f, P.scalarType, 4).map((s) => [s]);
  const [xVectors, xScalar] = [locals(f, V128, 2), locals(f, P.scalarType, 1)];
  const [wVector, wScalar] = [f.local(V128), f.local(P.scalarType)];
  const [alphaVector, alphaScalar, zVector, zScalar] = [f.local(V128), f.local(P.scalarType), f.local(V128), f.local(P.scalarType)];

  f.get(count).i32(P.bytes).mul().set(countBytes);
  if (fused) {
    f.get(other).get(out).sub().set(otherShift);
    if (epilogue === 'leaky' || epilogue === 'leakyBack') {
      f.get(alphaAddress).run(() => P.splat(f)).set(alphaVector);
      f.get(alphaAddress).run(() => P.load(f)).set(alphaScalar);
    }
  }
  f.i32(0).set(r);
  for (const tile of ROW_TILES) {
    whileFits(f, r, tile, rows, () => {
      for (let k = 0; k < tile; k++) {
        f.get(r).i32(k).add().get(aRow).mul().get(a).add().set(rowA[k]);
        f.get(r).i32(k).add().get(countBytes).mul().get(out).add().set(rowOut[k]);
        f.get(r).i32(k).add().get(initStep).mul().get(init).add().set(rowInit[k]);
      }
      f.i32(0).set(bo);
      for (const { vectors, scalar } of SAMPLE_RUNS) {
        const sums = scalar ? scalarSums : vectorSums;
        const xs = scalar ? xScalar : xVectors;
        const w = scalar ? wScalar : wVector;
        const load = (offset: number) => (scalar ? P.load(f, offset) : f.v128Load(offset));
        const store = (offset: number) => (scalar ? P.store(f, offset) : f.v128Store(offset));
        const loadSplat = () => (scalar ? P.load(f) : P.splat(f));
        const multiplyAdd = () => (scalar ? P.add(P.mul(f)) : P.vectorAdd(P.vectorMul(f)));
        whileFits(f, bo, scalar ? P.bytes : 16 * vectors, countBytes, () => {
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
            f.get(xp).get(countBytes).add().set(xp);
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
                there(k).run(() => emitEpilogue(f, P, epilogue, scalar, sums[k][v], () => {}, alpha, z)).run(() => store(16 * v));
              } else {
                here(k).run(() => emitEpilogue(f, P, epilogue, scalar, sums[k][v], () => there(k).run(() => load(16 * v)), alpha, z)).run(() => store(16 * v));
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
function weightGradients(P: Precision): FunctionBuilder {
  const f = new FunctionBuilder('weightGradients', 7);
  const [g, gBias, d, x, outputs, inputs, count] = [0, 1, 2, 3, 4, 5, 6];
  const [countBytes, vectorEnd, j, i, bo, biasBase, gColumn] = locals(f, I32, 7);
  const dRow = locals(f, I32, 4);
  const gRow = locals(f, I32, 4);
  const xRow = locals(f, I32, 2);
  const sums = [locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2), locals(f, V128, 2)];
  const xVectors = locals(f, V128, 2);
  const dVector = f.local(V128);
  const total = f.local(P.scalarType);

  /** Sums over the batch for `tile` rows of dZ against `columns` rows of X, or against ones (columns 0: the bias). */
  const dotTile = (tile: number, columns: number, address: (k: number) => void, offset: (k: number, c: number) => number) => {
    const width = Math.max(columns, 1);
    for (let k = 0; k < tile; k++) for (let c = 0; c < width; c++) f.v128Zero().set(sums[k][c]);
    f.i32(0).set(bo);
    f.block(() =>
      f.loop(() => {
        f.get(bo).get(vectorEnd).greaterOrEqual().brIf(1);
        for (let c = 0; c < columns; c++) f.get(xRow[c]).get(bo).add().v128Load().set(xVectors[c]);
        for (let k = 0; k < tile; k++) {
          f.get(dRow[k]).get(bo).add().v128Load().set(dVector);
          if (columns === 0) f.get(sums[k][0]).get(dVector).run(() => P.vectorAdd(f)).set(sums[k][0]);
          for (let c = 0; c < columns; c++) f.get(sums[k][c]).get(dVector).get(xVectors[c]).run(() => P.vectorAdd(P.vectorMul(f))).set(sums[k][c]);
        }
        f.get(bo).i32(16).add().set(bo).br(0);
      }),
    );
    for (let k = 0; k < tile; k++) {
      for (let c = 0; c < width; c++) {
        // The lanes summed in order, then the samples left after the last whole vector.
        f.get(sums[k][c]).run(() => P.extractLane(f, 0));
        for (let lane = 1; lane < P.lanes; lane++) f.get(sums[k][c]).run(() => P.extractLane(f, lane)).run(() => P.add(f));
        f.set(total);
        f.get(vectorEnd).set(bo);
        whileFits(f, bo, P.bytes, countBytes, () => {
          f.get(total).get(dRow[k]).get(bo).add().run(() => P.load(f));
          if (columns > 0) f.get(xRow[c]).get(bo).add().run(() => P.load(f)).run(() => P.mul(f));
          f.run(() => P.add(f)).set(total);
        });
        address(k);
        f.get(total).run(() => P.store(f, offset(k, c)));
      }
    }
  };

  f.get(count).i32(P.bytes).mul().tee(countBytes).i32(-16).and().set(vectorEnd);
  f.i32(0).set(j);
  for (const tile of ROW_TILES) {
    whileFits(f, j, tile, outputs, () => {
      for (let k = 0; k < tile; k++) {
        f.get(j).i32(k).add().get(countBytes).mul().get(d).add().set(dRow[k]);
        f.get(j).i32(k).add().get(inputs).mul().i32(P.bytes).mul().get(g).add().set(gRow[k]);
      }
      f.get(j).i32(P.bytes).mul().get(gBias).add().set(biasBase);
      dotTile(tile, 0, () => f.get(biasBase), (k) => P.bytes * k);
      f.i32(0).set(i);
      for (const columns of [2, 1]) {
        whileFits(f, i, columns, inputs, () => {
          for (let c = 0; c < columns; c++) f.get(i).i32(c).add().get(countBytes).mul().get(x).add().set(xRow[c]);
          f.get(i).i32(P.bytes).mul().set(gColumn);
          dotTile(tile, columns, (k) => f.get(gRow[k]).get(gColumn).add(), (_, c) => P.bytes * c);
        });
      }
    });
  }
  return f;
}

/**
 * p, g, length, lrAddress, sumAddress: the SGD step p -= lr·g a vector at a time, and Σ g²
 * summed one entry at a time in index order (as diagnostics' sumOfSquares, so the same bits),
 * stored at sumAddress. The update hides under the sum's chain of dependent additions.
 */
function sgdStep(P: Precision): FunctionBuilder {
  const f = new FunctionBuilder('sgdStep', 5);
  const [p, g, length, lrAddress, sumAddress] = [0, 1, 2, 3, 4];
  const [bytes, k] = locals(f, I32, 2);
  const [lrVector, gVector] = locals(f, V128, 2);
  const [lrScalar, gScalar, sum] = locals(f, P.scalarType, 3);
  f.get(lrAddress).run(() => P.splat(f)).set(lrVector);
  f.get(lrAddress).run(() => P.load(f)).set(lrScalar);
  f.get(length).i32(P.bytes).mul().set(bytes);
  f.run(() => P.constant(f, 0)).set(sum);
  f.i32(0).set(k);
  whileFits(f, k, 16, bytes, () => {
    f.get(g).get(k).add().v128Load().set(gVector);
    f.get(p).get(k).add().get(p).get(k).add().v128Load().get(lrVector).get(gVector).run(() => P.vectorSub(P.vectorMul(f))).v128Store();
    for (let lane = 0; lane < P.lanes; lane++) {
      f.get(sum).get(gVector).run(() => P.extractLane(f, lane)).get(gVector).run(() => P.extractLane(f, lane)).run(() => P.add(P.mul(f))).set(sum);
    }
  });
  whileFits(f, k, P.bytes, bytes, () => {
    f.get(g).get(k).add().run(() => P.load(f)).set(gScalar);
    f.get(p).get(k).add().get(p).get(k).add().run(() => P.load(f)).get(lrScalar).get(gScalar).run(() => P.sub(P.mul(f))).run(() => P.store(f));
    f.get(sum).get(gScalar).get(gScalar).run(() => P.add(P.mul(f))).set(sum);
  });
  f.get(sumAddress).get(sum).run(() => P.store(f));
  return f;
}

/** The fused products, by epilogue: each exported under this name. */
export const FUSED_PRODUCTS = { relu: 'productRelu', leaky: 'productLeaky', reluBack: 'productReluBack', leakyBack: 'productLeakyBack' } as const;

/** The module's bytes for one number format: `product`, the four fused products, `weightGradients` and `sgdStep`, importing env.memory. */
export function linearModuleBytes(P: Precision = FLOAT64): Uint8Array<ArrayBuffer> {
  const fused = Object.entries(FUSED_PRODUCTS).map(([epilogue, name]) => product(P, name, epilogue as Epilogue));
  return assembleModule([product(P, 'product', 'none'), ...fused, weightGradients(P), sgdStep(P)]);
}
