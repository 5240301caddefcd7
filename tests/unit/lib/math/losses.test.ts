import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOSS_IDS, logSoftmax, loss, softmax, type LossId } from '../../../../src/lib/index.ts';

const H = 1e-6;

/** Central difference of f with respect to entry i of a copy of x. */
function partial(f: (x: number[]) => number, x: readonly number[], i: number): number {
  const plus = [...x];
  const minus = [...x];
  plus[i] += H;
  minus[i] -= H;
  return (f(plus) - f(minus)) / (2 * H);
}

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const pairs = <T, U>(truth: fc.Arbitrary<T>, prediction: fc.Arbitrary<U>) =>
  fc.array(fc.tuple(truth, prediction), { minLength: 1, maxLength: 8 });

type Elementwise = 'mse' | 'mae' | 'huber' | 'bce' | 'bce_logits' | 'hinge';

// Pairs (y, y + r) with |r| at least `gap` away from `kink`, where a central difference would
// straddle two slopes.
const residualPairs = (truth: fc.Arbitrary<number>, kink: number, gap: number, largest = 5) =>
  fc.array(
    fc.tuple(truth, finite(gap, largest), fc.boolean()).map(([y, size, negative]): [number, number] => {
      const r = negative ? -(kink + size) : kink + size;
      return [y, y + r];
    }),
    { minLength: 1, maxLength: 8 },
  );

const hingeScores = (batch: [number, [number, boolean]][]) =>
  batch.map(([y, [size, below]]): [number, number] => [y, y * (below ? 1 - size : 1 + size)]);

const ELEMENTWISE_CASES: [Elementwise, fc.Arbitrary<[number, number][]>][] = [
  ['mse', pairs(finite(-10, 10), finite(-10, 10))],
  ['mae', residualPairs(finite(-10, 10), 0, 1e-3)],
  // Huber: residuals both beyond delta = 1 and well inside it.
  ['huber', fc.oneof(residualPairs(finite(-10, 10), 1, 1e-3), residualPairs(finite(-10, 10), 0, 0, 0.999))],
  ['bce', pairs(finite(0, 1), finite(0.01, 0.99))],
  ['bce_logits', pairs(finite(0, 1), finite(-30, 30))],
  // Scores s whose margin 1 - y·s is at least 1e-3 from 0 on either side.
  ['hinge', pairs(fc.constantFrom(-1, 1), fc.tuple(finite(1e-3, 5), fc.boolean())).map(hingeScores)],
];

describe('loss(id) gradients agree with central differences', () => {
  it.each(ELEMENTWISE_CASES)('%s', (id, arbitrary) => {
    const l = loss(id);
    fc.assert(
      fc.property(arbitrary, (batch) => {
        const yTrue = batch.map(([y]) => y);
        const yPred = batch.map(([, p]) => p);
        const grad = l.grad(yTrue, yPred);
        expect(grad).toHaveLength(yPred.length);
        yPred.forEach((_, i) => {
          const numeric = partial((x) => l.value(yTrue, x), yPred, i);
          expect(Math.abs(numeric - grad[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(grad[i])));
        });
      }),
      { numRuns: 200 },
    );
  });

  /** Each entry of a row loss's gradient against a central difference, relative to its size. */
  function expectRowGradient(l: ReturnType<typeof loss>, yTrue: unknown, yPred: number[][]): void {
    const value = (pred: number[][]) => (l.value as (t: unknown, p: unknown) => number)(yTrue, pred);
    const grad = (l.grad as (t: unknown, p: unknown) => number[][])(yTrue, yPred);
    expect(grad.map((row) => row.length)).toEqual(yPred.map((row) => row.length));
    yPred.forEach((row, r) =>
      row.forEach((_, c) => {
        const numeric = partial((x) => value(yPred.map((other, rr) => (rr === r ? x : other))), row, c);
        expect(Math.abs(numeric - grad[r][c])).toBeLessThan(1e-6 * Math.max(1, Math.abs(grad[r][c])));
      }),
    );
  }

  /** Batches of 1 to 5 rows of k = 2 to 5 columns: a target (from `target(k)`) and a prediction row in [low, high]. */
  const rowBatches = <T>(target: (k: number) => fc.Arbitrary<T>, low: number, high: number) =>
    fc.integer({ min: 2, max: 5 }).chain((k) =>
      fc.array(fc.tuple(target(k), fc.array(finite(low, high), { minLength: k, maxLength: k })), { minLength: 1, maxLength: 5 }),
    );
  const classIndex = (k: number) => fc.integer({ min: 0, max: k - 1 });
  const oneHotOf = (k: number, t: number) => Array.from({ length: k }, (_, c) => (c === t ? 1 : 0));

  it('cce', () => {
    fc.assert(
      fc.property(rowBatches(classIndex, 0.01, 0.99), (batch) => {
        expectRowGradient(loss('cce'), batch.map(([t, p]) => oneHotOf(p.length, t)), batch.map(([, p]) => p));
      }),
      { numRuns: 200 },
    );
  });

  it('sparse_cce (probabilities, class indices)', () => {
    fc.assert(
      fc.property(rowBatches(classIndex, 0.01, 0.99), (batch) => {
        expectRowGradient(loss('sparse_cce'), batch.map(([t]) => t), batch.map(([, p]) => p));
      }),
      { numRuns: 200 },
    );
  });

  it('cce_logits (logits, target rows that need not be one-hot)', () => {
    const targetRow = (k: number) => fc.array(finite(0, 1), { minLength: k, maxLength: k });
    fc.assert(
      fc.property(rowBatches(targetRow, -20, 20), (batch) => {
        expectRowGradient(loss('cce_logits'), batch.map(([y]) => y), batch.map(([, z]) => z));
      }),
      { numRuns: 200 },
    );
  });
});

describe('loss(id) known values (hand computed; conventions from PyTorch)', () => {
  it('mse, mae, huber', () => {
    // ((0.5)² + 0 + 1²) / 3; gradient 2r/n.
    expect(loss('mse').value([1, 2, 3], [1.5, 2, 2])).toBeCloseTo(1.25 / 3, 15);
    expect(loss('mse').grad([1, 2, 3], [1.5, 2, 2])).toEqual([1 / 3, 0, -2 / 3]);
    // L1Loss: gradient sign(r)/n with sign(0) = 0.
    expect(loss('mae').value([1, 2, 3], [1.5, 2, 2])).toBe(0.5);
    expect(loss('mae').grad([1, 2, 3], [1.5, 2, 2])).toEqual([1 / 3, 0, -1 / 3]);
    // HuberLoss(delta=1): r = 0.5, 2, -3 → 0.125, 1.5, 2.5; gradient clip(r, -1, 1)/n.
    expect(loss('huber').value([0, 0, 0], [0.5, 2, -3])).toBe(4.125 / 3);
    expect(loss('huber').grad([0, 0, 0], [0.5, 2, -3])).toEqual([0.5 / 3, 1 / 3, -1 / 3]);
    // delta = 2: r = 3 → 2·(3 - 1) = 4; gradient clipped to 2.
    expect(loss('huber', { delta: 2 }).value([0], [3])).toBe(4);
    expect(loss('huber', { delta: 2 }).grad([0], [3])).toEqual([2]);
    expect(loss('huber').params).toEqual({ delta: 1 });
  });

  it('bce clamps each log at -100 like torch.nn.BCELoss', () => {
    expect(loss('bce').value([1], [0])).toBe(100);
    expect(loss('bce').value([0], [1])).toBe(100);
    expect(loss('bce').value([1, 0], [1, 0])).toBe(0);
    expect(loss('bce').value([1], [0.5])).toBe(Math.LN2);
    // Backward divides by max(p(1-p), 1e-12): p = 0, y = 1 gives -1e12 (finite), halved by n = 2.
    expect(loss('bce').grad([1, 1], [0, 0.5])).toEqual([-1e12 / 2, -1]);
  });

  it('bce_logits is finite for huge logits and matches softplus', () => {
    expect(loss('bce_logits').value([0], [1000])).toBe(1000);
    expect(loss('bce_logits').value([1], [-1000])).toBe(1000);
    expect(loss('bce_logits').value([1], [1000])).toBe(0);
    expect(loss('bce_logits').value([0.5], [0])).toBe(Math.LN2);
    expect(loss('bce_logits').grad([1, 0], [0, 0])).toEqual([-0.25, 0.25]);
  });

  it('hinge', () => {
    expect(loss('hinge').value([1, -1], [0.5, 0.5])).toBe(1);
    expect(loss('hinge').grad([1, -1], [0.5, 0.5])).toEqual([-0.5, 0.5]);
    // Exactly on the margin the gradient is 0, as in MultiMarginLoss (only margin > 0 counts).
    expect(loss('hinge').grad([1], [1])).toEqual([0]);
  });

  it('cce and sparse_cce', () => {
    expect(loss('cce').value([[0, 1, 0]], [[0.2, 0.7, 0.1]])).toBeCloseTo(-Math.log(0.7), 15);
    expect(loss('cce').value([[1, 0]], [[0, 1]])).toBe(100);
    expect(loss('cce').grad([[0, 1], [1, 0]], [[0.5, 0.5], [0.25, 0.75]])).toEqual([
      [0, -1],
      [-2, 0],
    ]);
    // sparse_cce is cce with the target stored as an index: the same value and gradient.
    expect(loss('sparse_cce').value([1], [[0.2, 0.7, 0.1]])).toBe(loss('cce').value([[0, 1, 0]], [[0.2, 0.7, 0.1]]));
    expect(loss('sparse_cce').value([0], [[0, 1]])).toBe(100);
    expect(loss('sparse_cce').grad([1, 0], [[0.5, 0.5], [0.25, 0.75]])).toEqual([
      [0, -1],
      [-2, 0],
    ]);
  });

  it('cce_logits is PyTorch\'s CrossEntropyLoss: log-softmax and NLL in one, finite for logits of ±1000', () => {
    // torch.nn.CrossEntropyLoss()(torch.tensor([[1., 2., 3.]]), torch.tensor([2])) = 0.4076059644443804.
    expect(loss('cce_logits').value([[0, 0, 1]], [[1, 2, 3]])).toBeCloseTo(0.4076059644443804, 14);
    // ... which is NLLLoss of log-softmax: -logSoftmax(z)[t], and cce of softmax(z).
    const z = [0.3, -1.2, 2.5, 0.7];
    expect(loss('cce_logits').value([[0, 1, 0, 0]], [z])).toBeCloseTo(-logSoftmax(z)[1], 15);
    expect(loss('cce_logits').value([[0, 1, 0, 0]], [z])).toBeCloseTo(loss('cce').value([[0, 1, 0, 0]], [softmax(z)]), 14);
    expect(loss('cce_logits').value([[0, 1]], [[1000, 0]])).toBe(1000);
    expect(loss('cce_logits').value([[1, 0]], [[1000, 0]])).toBe(0);
    expect(loss('cce_logits').value([[0, 1]], [[-1000, 1000]])).toBe(0);
    expect(loss('cce_logits').grad([[1, 0]], [[0, 0]])).toEqual([[-0.5, 0.5]]);
    expect(loss('cce_logits').grad([[0, 1]], [[1000, -1000]])).toEqual([[1, -1]]);
    // Probability targets, as CrossEntropyLoss also takes: -Σ y log softmax(z), gradient softmax(z)·Σy - y.
    const soft = [0.25, 0.75];
    const expected = -(0.25 * logSoftmax([1, 2])[0] + 0.75 * logSoftmax([1, 2])[1]);
    expect(loss('cce_logits').value([soft], [[1, 2]])).toBeCloseTo(expected, 15);
  });

  it('the double softmax: CrossEntropyLoss applied to probabilities has a floor of ln(1 + (K - 1)/e)', () => {
    // A softmax output fed to CrossEntropyLoss is softmaxed again. Even a perfect p = (1, 0, …, 0)
    // gives logits 1 and 0, so the loss cannot fall below ln(e + K - 1) - 1 = ln(1 + (K - 1)/e).
    for (const k of [2, 3, 10]) {
      const perfect = Array.from({ length: k }, (_, c) => (c === 0 ? 1 : 0));
      expect(loss('cce_logits').value([perfect], [perfect])).toBeCloseTo(Math.log(1 + (k - 1) / Math.E), 15);
    }
    // K = 3: 0.551444713932051; torch.nn.CrossEntropyLoss()(torch.tensor([[1., 0., 0.]]), torch.tensor([0])).
    expect(loss('cce_logits').value([[1, 0, 0]], [[1, 0, 0]])).toBeCloseTo(0.551444713932051, 14);
  });

  it('zero_one is the error rate and has a zero gradient', () => {
    expect(loss('zero_one').value([0, 1, 1, 0], [0, 1, 0, 0])).toBe(0.25);
    expect(loss('zero_one').grad([0, 1, 1, 0], [0, 1, 0, 0])).toEqual([0, 0, 0, 0]);
  });

  it('every id has a name and formula', () => {
    for (const id of LOSS_IDS) {
      expect(loss(id).name.length).toBeGreaterThan(0);
      expect(loss(id).formula.length).toBeGreaterThan(0);
    }
  });
});

describe('loss(id) rejects bad input with a message that says what was wrong', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['unknown id', () => loss('l2' as LossId), /Unknown loss "l2": expected one of mse, mae, huber/],
    ['bad delta', () => loss('huber', { delta: 0 }), /loss "huber": parameter "delta" must be a finite number > 0, got 0/],
    ['unknown parameter', () => loss('mse', { delta: 1 }), /unknown parameter "delta"/],
    ['lengths', () => loss('mse').value([1, 2], [1]), /loss "mse": yTrue has 2 entries but yPred has 1/],
    ['empty', () => loss('mae').value([], []), /yTrue must not be empty/],
    ['NaN', () => loss('mse').value([1, Number.NaN], [1, 2]), /yTrue\[1\] must be a finite number, got NaN/],
    ['not an array', () => loss('mse').value(3 as unknown as number[], [1]), /yTrue must be an array, got 3/],
    ['probability', () => loss('bce').value([1], [1.5]), /loss "bce": yPred\[0\] must be a probability in \[0, 1\], got 1.5/],
    ['bce label', () => loss('bce_logits').value([2], [0.3]), /yTrue\[0\] must be a probability in \[0, 1\], got 2/],
    ['hinge label', () => loss('hinge').value([0], [0.3]), /yTrue\[0\] must be -1 or \+1, got 0/],
    ['class out of range', () => loss('sparse_cce').value([3], [[0.2, 0.3, 0.5]]), /yTrue\[0\] is class 3 but yPred rows have 3 classes \(0 to 2\)/],
    ['class not integer', () => loss('sparse_cce').value([0.5], [[0.5, 0.5]]), /yTrue\[0\] must be an integer class label, got 0.5/],
    ['ragged rows', () => loss('sparse_cce').value([0, 0], [[0.5, 0.5], [1]]), /yPred\[1\] has 1 entries but yPred\[0\] has 2/],
    ['sparse_cce probability', () => loss('sparse_cce').value([0], [[1, 2]]), /loss "sparse_cce": yPred\[0\]\[1\] must be a probability in \[0, 1\], got 2/],
    ['cce_logits target', () => loss('cce_logits').value([[2, 0]], [[1, 2]]), /loss "cce_logits": yTrue\[0\]\[0\] must be a probability in \[0, 1\], got 2/],
    ['cce row width', () => loss('cce').value([[1, 0, 0]], [[0.5, 0.5]]), /yTrue\[0\] has 3 entries but yPred\[0\] has 2/],
    ['cce probability', () => loss('cce').value([[1, 0]], [[-0.1, 1.1]]), /yPred\[0\]\[0\] must be a probability/],
    ['zero_one label', () => loss('zero_one').value([0], [0.4]), /yPred\[0\] must be an integer class label, got 0.4/],
  ])('%s', (_, run, message) => {
    expect(run).toThrow(message);
  });
});
