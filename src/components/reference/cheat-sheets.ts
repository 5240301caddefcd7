/**
 * The seed article's two cheat sheets, as it gives them, each row with what the course adds or
 * corrects (lessons 2 to 6 say where) and a link to the place that shows the row in practice.
 */
import type { CheatSheet } from './types.ts';

const sheet = (query: string) => ({ lesson: 3, query, anchor: 'the-cheat-sheet-and-its-verdicts' });

/** "Activation Function Selection Cheat Sheet". */
export const ACTIVATION_SHEET: CheatSheet = {
  id: 'activation-sheet',
  title: 'The article’s activation cheat sheet, checked',
  headers: ['Network component', 'Recommended', 'Alternatives'],
  rows: [
    {
      cells: ['Hidden layers (general)', 'ReLU', 'Leaky ReLU, ELU'],
      correction: 'Right, with He initialisation. When units die, lower the learning rate before switching to Leaky ReLU.',
      see: sheet('?sheet.f1=relu&sheet.f2=leaky_relu&sheet.f3=elu'),
    },
    {
      cells: ['Hidden layers (very deep)', 'Leaky ReLU or Swish', 'PReLU'],
      correction: 'Depth is made trainable by normalisation and residual connections, with which plain ReLU works; GELU, the transformers’ activation, is missing.',
      see: sheet('?sheet.f1=leaky_relu&sheet.f2=swish&sheet.f3=prelu'),
    },
    {
      cells: ['Binary classification output', 'Sigmoid', 'None'],
      correction: 'Right; a two-class softmax is the same function. In code the sigmoid goes inside the loss (BCEWithLogitsLoss).',
      see: sheet('?sheet.f1=sigmoid&sheet.f2=none&sheet.f3=none'),
    },
    {
      cells: ['Multi-class classification output', 'Softmax', 'None'],
      correction: 'For mutually exclusive classes only: several labels at once need a sigmoid per label. Train on logits.',
      see: { lesson: 4, anchor: 'where-softmax-belongs-and-where-it-does-not' },
    },
    {
      cells: ['Regression output (unbounded)', 'Linear (no activation)', 'None'],
      correction: 'Right.',
      see: sheet('?sheet.f1=linear&sheet.f2=none&sheet.f3=none'),
    },
    {
      cells: ['Regression output (bounded to [0, 1])', 'Sigmoid', 'None'],
      correction: 'Right; the sigmoid also serves each label of a multi-label output, and gates.',
      see: { lesson: 2, anchor: 'where-the-sigmoid-belongs' },
    },
  ],
};

/** "Loss Function Selection Cheat Sheet". */
export const LOSS_SHEET: CheatSheet = {
  id: 'loss-sheet',
  title: 'The article’s loss cheat sheet, checked',
  headers: ['Task', 'Output activation', 'Recommended loss'],
  rows: [
    {
      cells: ['Binary classification', 'Sigmoid', 'Binary cross-entropy'],
      correction: 'Right; in code a linear output into BCEWithLogitsLoss (Keras: from_logits=True), finite for any logit.',
      see: { lesson: 7, query: '?binary.p=0.01', anchor: 'see-it-for-yourself' },
    },
    {
      cells: ['Multi-class classification (mutually exclusive)', 'Softmax', 'Categorical cross-entropy'],
      correction: 'Right; in PyTorch logits go into CrossEntropyLoss, which applies log-softmax itself: a softmax layer before it is applied twice. Integer labels: sparse CE, the same number.',
      see: { lesson: 8, query: '?double.preset=double', anchor: 'a-double-softmax' },
    },
    {
      cells: ['Multi-label classification (multiple classes per sample)', 'Sigmoid (per class)', 'Binary cross-entropy (averaged)'],
      correction: 'Right; in code one logit per label into BCEWithLogitsLoss.',
      see: { lesson: 4, anchor: 'where-softmax-belongs-and-where-it-does-not' },
    },
    {
      cells: ['Regression (normal data)', 'Linear', 'Mean squared error'],
      correction: '“Normal” describes the noise around the prediction, not the targets. MSE’s fit is the mean.',
      see: { lesson: 6, anchor: 'where-mse-comes-from-gaussian-noise' },
    },
    {
      cells: ['Regression (with outliers)', 'Linear', 'Huber or MAE'],
      correction: 'Outliers in $y$: MAE’s fit is the median, not the mean, and a point far out in $x$ still moves it; Huber’s $\\delta$ is in the units of $y$.',
      see: { lesson: 6, anchor: 'the-articles-advice-checked' },
    },
    {
      cells: ['Regression (bounded output [0, 1])', 'Sigmoid', 'MSE or binary cross-entropy'],
      correction: 'Both train: BCE takes any target in $[0, 1]$. Through a sigmoid, MSE’s gradient carries the factor $p(1 - p)$ and fades when the output saturates; BCE’s is $p - y$.',
      see: { lesson: 8, query: '?regression.preset=regression', anchor: 'a-sigmoid-on-a-target-outside-0-1' },
    },
  ],
};
