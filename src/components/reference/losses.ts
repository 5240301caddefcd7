/**
 * The reference page's losses: every id in the library's LOSS_IDS, plus the ones the course
 * discusses that the library leaves out (the perceptron loss, PyTorch's SmoothL1Loss and its two
 * multi-class or embedding hinge losses). Library formulas come from src/lib; each gradient is
 * the mean loss's, with respect to one prediction, with the library's (PyTorch's) convention at
 * kinks. PyTorch and Keras names were checked against their documentation (PyTorch 2.x, Keras 3).
 */
import { loss, type LossId } from '../../lib/index.ts';
import type { ReferenceEntry } from './types.ts';

type Written = Omit<ReferenceEntry, 'id' | 'library' | 'name' | 'formula'>;

/** An entry for library loss `id`: its name and formula from src/lib. */
function fromLibrary(id: LossId, written: Written): ReferenceEntry {
  const { name, formula } = loss(id);
  return { id, library: id, name, formula, ...written };
}

const descent = (id: string) => ({ lesson: 5, query: `?descent.loss=${id}`, anchor: 'see-it-for-yourself' });
const regression = { lesson: 6, anchor: 'see-it-for-yourself' };

/** Every loss, classification's counting losses first, then regression, then cross-entropy and hinge. */
export const LOSS_ENTRIES: readonly ReferenceEntry[] = [
  fromLibrary('zero_one', {
    derivative: '0 \\text{ wherever it exists}',
    range: '\\hat y_i, y_i \\text{ class labels}',
    use: 'Reporting: it is the error rate, one minus the accuracy. Never for training: gradient descent gets a slope of 0.',
    pytorch: '',
    keras: '',
    note: 'A metric in both (accuracy), not a loss.',
    lessons: [{ lesson: 5, anchor: 'counting-mistakes-the-0-1-loss' }],
    widget: descent('zero_one'),
  }),
  {
    id: 'perceptron',
    library: null,
    name: 'Perceptron loss',
    formula: 'L = \\frac{1}{n}\\sum_i \\max(0,\\, -y_i s_i)',
    derivative: '\\frac{\\partial L}{\\partial s_i} = -\\frac{y_i}{n} \\text{ if } y_i s_i < 0, \\text{ else } 0',
    range: 'y_i = \\pm 1,\\ s_i \\text{ a raw score}',
    use: 'Rosenblatt’s rule is gradient descent on it; it stops at the first boundary that separates the data.',
    pytorch: '',
    keras: '',
    note: 'No class in either; write $\\max(0, -y s)$ with torch.clamp.',
    lessons: [{ lesson: 5, anchor: 'the-perceptron-loss' }],
    widget: descent('perceptron'),
  },
  fromLibrary('mse', {
    derivative: '\\frac{\\partial L}{\\partial \\hat y_i} = \\frac{2}{n}(\\hat y_i - y_i)',
    range: '\\hat y_i, y_i \\in \\mathbb{R}',
    use: 'Regression with Gaussian-like noise; its fit is the conditional mean, and one outlier pulls it without limit.',
    pytorch: 'nn.MSELoss()',
    keras: 'keras.losses.MeanSquaredError()',
    lessons: [{ lesson: 6, anchor: 'mean-squared-error' }, { lesson: 8, anchor: 'a-sigmoid-on-a-target-outside-0-1' }],
    widget: regression,
  }),
  fromLibrary('mae', {
    derivative: '\\frac{\\partial L}{\\partial \\hat y_i} = \\frac{1}{n}\\operatorname{sign}(\\hat y_i - y_i), \\ 0 \\text{ at } \\hat y_i = y_i',
    range: '\\hat y_i, y_i \\in \\mathbb{R}',
    use: 'Regression with wrong targets (outliers in $y$, not in $x$); its fit is the median; it does not settle under a fixed learning rate.',
    pytorch: 'nn.L1Loss()',
    keras: 'keras.losses.MeanAbsoluteError()',
    lessons: [{ lesson: 6, anchor: 'mean-absolute-error' }],
    widget: regression,
  }),
  fromLibrary('huber', {
    derivative: '\\frac{\\partial L}{\\partial \\hat y_i} = \\frac{1}{n}\\operatorname{clip}(r_i, -\\delta, \\delta)',
    range: '\\hat y_i, y_i \\in \\mathbb{R},\\ \\delta > 0',
    use: 'Regression with some outliers: squares small residuals, counts large ones; $\\delta$ is in the units of $y$.',
    pytorch: 'nn.HuberLoss(delta=1.0)',
    keras: 'keras.losses.Huber(delta=1.0)',
    lessons: [{ lesson: 6, anchor: 'hubers-loss' }],
    widget: { lesson: 6, query: '?regression.delta=2', anchor: 'see-it-for-yourself' },
  }),
  {
    id: 'smooth_l1',
    library: null,
    name: 'Smooth L1',
    formula:
      '\\ell_\\beta(r) = \\begin{cases} r^2 / 2\\beta & \\lvert r\\rvert < \\beta \\\\ \\lvert r\\rvert - \\beta/2 & \\text{otherwise} \\end{cases}',
    derivative: '\\frac{\\partial L}{\\partial \\hat y_i} = \\frac{1}{n}\\operatorname{clip}(r_i / \\beta, -1, 1)',
    range: '\\hat y_i, y_i \\in \\mathbb{R},\\ \\beta > 0',
    use: 'As Huber, scaled: Huber with $\\delta = \\beta$ is $\\beta$ times Smooth L1, so the two agree only at 1.',
    pytorch: 'nn.SmoothL1Loss(beta=1.0)',
    keras: '',
    note: 'Keras has no such class: keras.losses.Huber(delta=1.0) equals it at $\\beta = 1$.',
    lessons: [{ lesson: 6, anchor: 'pytorchs-huberloss-and-smoothl1loss' }],
    widget: null,
  },
  fromLibrary('bce', {
    derivative: '\\frac{\\partial L}{\\partial p_i} = \\frac{p_i - y_i}{n\\,p_i(1 - p_i)}; \\text{ through } \\sigma: \\frac{p_i - y_i}{n}',
    range: 'p_i, y_i \\in [0, 1]',
    use: 'Binary and multi-label classification on sigmoid outputs; prefer the logits form.',
    pytorch: 'nn.BCELoss()',
    keras: 'keras.losses.BinaryCrossentropy()',
    note: 'PyTorch clamps each log at $-100$; Keras clips $p$ to $[10^{-7}, 1 - 10^{-7}]$. BCELoss refuses inputs outside $[0, 1]$.',
    lessons: [{ lesson: 7, anchor: 'binary-cross-entropy' }, { lesson: 8, anchor: 'three-pairs-one-gradient' }, { lesson: 9, anchor: 'why-sigmoid-and-cross-entropy-go-together' }],
    widget: descent('bce'),
  }),
  fromLibrary('bce_logits', {
    derivative: '\\frac{\\partial L}{\\partial z_i} = \\frac{\\sigma(z_i) - y_i}{n}',
    range: 'z_i \\in \\mathbb{R},\\ y_i \\in [0, 1]',
    use: 'The same loss as BCE, computed from the logit: finite for any $z$, no clamp. The usual choice.',
    pytorch: 'nn.BCEWithLogitsLoss()',
    keras: 'keras.losses.BinaryCrossentropy(from_logits=True)',
    note: 'Stable form: $\\max(z, 0) - z y + \\ln(1 + e^{-\\lvert z\\rvert})$.',
    lessons: [{ lesson: 7, anchor: 'computing-it-from-logits' }, { lesson: 8, anchor: 'a-linear-output-into-bce' }, { lesson: 2, anchor: 'computing-it-without-overflow' }],
    widget: { lesson: 7, query: '?binary.p=0.01', anchor: 'see-it-for-yourself' },
  }),
  fromLibrary('cce', {
    derivative: '\\frac{\\partial L}{\\partial p_{ik}} = -\\frac{y_{ik}}{n\\,p_{ik}}; \\text{ through softmax: } \\frac{p_{ik} - y_{ik}}{n}',
    range: '\\text{rows } \\mathbf{p}_i, \\mathbf{y}_i \\text{ of probabilities (one-hot } \\mathbf{y}_i)',
    use: 'One class out of $K$, targets one-hot (or soft). Same number as sparse CE by another route.',
    pytorch: 'nn.NLLLoss()',
    keras: 'keras.losses.CategoricalCrossentropy()',
    note: 'nn.NLLLoss takes log-probabilities (log_softmax of the logits) and class indices; Keras takes one-hot rows.',
    lessons: [{ lesson: 4, anchor: 'the-gradient-of-cross-entropy' }, { lesson: 7, anchor: 'categorical-cross-entropy' }],
    widget: { lesson: 7, anchor: 'the-multi-class-widget' },
  }),
  fromLibrary('sparse_cce', {
    derivative: '\\frac{\\partial L}{\\partial p_{ik}} = -\\frac{[k = t_i]}{n\\,p_{ik}}; \\text{ through softmax: } \\frac{p_{ik} - [k = t_i]}{n}',
    range: 't_i \\in \\{0, \\dots, K - 1\\},\\ \\text{probability rows } \\mathbf{p}_i',
    use: 'One class out of $K$ with integer labels: $n$ numbers instead of $n K$, which matters for a vocabulary.',
    pytorch: 'nn.NLLLoss()',
    keras: 'keras.losses.SparseCategoricalCrossentropy()',
    note: 'The same numbers as categorical CE, with the target as a class index. nn.NLLLoss takes log-probabilities and indices.',
    lessons: [{ lesson: 4, anchor: 'log-softmax-and-why-losses-take-logits' }, { lesson: 7, anchor: 'sparse-categorical-cross-entropy' }],
    widget: { lesson: 4, query: '?softmax.z1=1000&softmax.y=2', anchor: 'see-it-for-yourself' },
  }),
  fromLibrary('cce_logits', {
    derivative: '\\frac{\\partial L}{\\partial z_{ik}} = \\frac{\\operatorname{softmax}(z_i)_k - y_{ik}}{n}',
    range: '\\text{logit rows } \\mathbf{z}_i,\\ \\text{target rows } \\mathbf{y}_i \\text{ of probabilities}',
    use: 'Categorical CE computed from the logits, with log-softmax inside: finite for any logits. The usual choice.',
    pytorch: 'nn.CrossEntropyLoss()',
    keras: 'keras.losses.CategoricalCrossentropy(from_logits=True)',
    note: 'CrossEntropyLoss takes logits (never softmax them first: that is the double softmax) and class indices or probability rows.',
    lessons: [{ lesson: 4, anchor: 'log-softmax-and-why-losses-take-logits' }, { lesson: 7, anchor: 'categorical-cross-entropy' }, { lesson: 8, anchor: 'a-double-softmax' }],
    widget: { lesson: 8, query: '?double.preset=double', anchor: 'a-double-softmax' },
  }),
  fromLibrary('hinge', {
    derivative: '\\frac{\\partial L}{\\partial s_i} = -\\frac{y_i}{n} \\text{ if } y_i s_i < 1, \\text{ else } 0',
    range: 'y_i = \\pm 1,\\ s_i \\text{ a raw score}',
    use: 'A margin classifier (the SVM’s loss); its scores are not calibrated probabilities.',
    pytorch: '',
    keras: 'keras.losses.Hinge()',
    note: 'PyTorch has no binary hinge class: write torch.clamp(1 - y * s, min=0).mean(). Keras turns labels 0/1 into $\\pm 1$.',
    lessons: [{ lesson: 7, anchor: 'hinge-loss' }, { lesson: 5, anchor: 'hinge-and-logistic-loss' }],
    widget: descent('hinge'),
  }),
  {
    id: 'multi_margin',
    library: null,
    name: 'Multi-class hinge',
    formula: 'L_i = \\frac{1}{K}\\sum_{k \\ne t_i} \\max(0,\\, 1 - s_{i,t_i} + s_{ik})',
    derivative: '\\frac{\\partial L_i}{\\partial s_{ik}} = \\frac{1}{K} \\text{ per violated } k, \\ \\frac{\\partial L_i}{\\partial s_{i,t_i}} = -\\frac{\\#\\text{violated}}{K}',
    range: 't_i \\text{ a class index, score rows } \\mathbf{s}_i',
    use: 'Hinge for $K$ classes: every wrong class’s score must trail the right one by the margin 1.',
    pytorch: 'nn.MultiMarginLoss(p=1, margin=1.0)',
    keras: 'keras.losses.CategoricalHinge()',
    note: 'Not the same sum: Keras’s takes only the largest wrong score, $\\max(0, 1 + \\max_{k \\ne t} s_k - s_t)$, with one-hot targets.',
    lessons: [{ lesson: 7, anchor: 'hinge-loss' }],
    widget: null,
  },
  {
    id: 'hinge_embedding',
    library: null,
    name: 'Hinge embedding',
    formula: '\\ell(x, y) = \\begin{cases} x & y = 1 \\\\ \\max(0,\\, \\Delta - x) & y = -1 \\end{cases}',
    derivative: '\\frac{\\partial \\ell}{\\partial x} = 1 \\ (y = 1), \\ -1 \\text{ if } x < \\Delta \\ (y = -1)',
    range: 'x \\text{ a distance},\\ y = \\pm 1',
    use: 'Not a classifier’s hinge: it takes a distance between two inputs, small for similar pairs, beyond $\\Delta$ for different ones.',
    pytorch: 'nn.HingeEmbeddingLoss(margin=1.0)',
    keras: '',
    lessons: [{ lesson: 7, anchor: 'hinge-loss' }],
    widget: null,
  },
];
