/**
 * The reference page's activations: every id in the library's ACTIVATION_IDS, plus softmax
 * (a function of a whole vector, so the library has it as softmax(), not as an activation id).
 * Formulas, derivatives and ranges come from the library itself, so the page and the code
 * cannot disagree; PyTorch and Keras names were checked against their documentation
 * (PyTorch 2.x, Keras 3).
 */
import { activation, type ActivationId } from '../../lib/index.ts';
import type { LessonLink, ReferenceEntry } from './types.ts';

type Written = Omit<ReferenceEntry, 'id' | 'library' | 'name' | 'formula' | 'derivative' | 'range'>;

/** An entry for library activation `id`: its name, formula, derivative and range from src/lib. */
function fromLibrary(id: ActivationId, written: Written): ReferenceEntry {
  const f = activation(id);
  return { id, library: id, name: f.name, formula: f.formula, derivative: f.derivativeFormula, range: f.range, ...written };
}

/** Lesson 2's explorer (id "explorer") showing one function. */
const lessonTwoExplorer = (id: ActivationId): LessonLink => ({ lesson: 2, query: `?explorer.f1=${id}&explorer.f2=none`, anchor: 'the-sigmoid' });

/** Lesson 3's explorer (id "explorer") showing one function. */
const lessonThreeExplorer = (id: ActivationId): LessonLink => ({
  lesson: 3,
  query: `?explorer.f1=${id}&explorer.f2=none&explorer.f3=none`,
  anchor: 'relu',
});

/** Every activation, in the order the lessons introduce them. */
export const ACTIVATION_ENTRIES: readonly ReferenceEntry[] = [
  fromLibrary('step', {
    use: 'The perceptron’s output; never for training by gradient descent, since its slope is 0 wherever it exists.',
    pytorch: 'torch.heaviside(z, values)',
    keras: '',
    note: 'No layer in either library. The course takes $H(0) = 1$.',
    lessons: [{ lesson: 1, anchor: 'the-step-function-and-the-perceptron' }],
    widget: lessonTwoExplorer('step'),
  }),
  fromLibrary('sigmoid', {
    use: 'The output of a binary classifier or of each label of a multi-label one, and gates; not hidden layers (it saturates, and its slope is at most 0.25).',
    pytorch: 'nn.Sigmoid()',
    keras: 'keras.activations.sigmoid',
    note: 'As an output, leave it to the loss: logits into BCEWithLogitsLoss, or from_logits=True.',
    lessons: [{ lesson: 2, anchor: 'the-sigmoid' }],
    widget: lessonTwoExplorer('sigmoid'),
  }),
  fromLibrary('tanh', {
    use: 'Zero-centred hidden units in small or recurrent networks; saturates sooner than the sigmoid (slope below 0.01 beyond $|z| \\approx 3$).',
    pytorch: 'nn.Tanh()',
    keras: 'keras.activations.tanh',
    lessons: [{ lesson: 2, anchor: 'tanh' }],
    widget: lessonTwoExplorer('tanh'),
  }),
  fromLibrary('relu', {
    use: 'The default for hidden layers, with He initialisation; units whose inputs all land below 0 stop learning.',
    pytorch: 'nn.ReLU()',
    keras: 'keras.activations.relu',
    note: "Both take $\\mathrm{ReLU}'(0) = 0$.",
    lessons: [{ lesson: 3, anchor: 'relu' }],
    widget: lessonThreeExplorer('relu'),
  }),
  fromLibrary('leaky_relu', {
    use: 'Hidden layers where dead ReLUs are a problem; lowering the learning rate is often the better first fix.',
    pytorch: 'nn.LeakyReLU(negative_slope=0.01)',
    keras: 'keras.layers.LeakyReLU(negative_slope=0.3)',
    note: 'Defaults differ: PyTorch 0.01, the Keras layer 0.3, keras.activations.leaky_relu 0.2.',
    lessons: [{ lesson: 3, anchor: 'leaky-relu' }],
    widget: lessonThreeExplorer('leaky_relu'),
  }),
  fromLibrary('prelu', {
    use: 'As Leaky ReLU with the slope $\\alpha$ learnt; do not put weight decay on $\\alpha$.',
    pytorch: 'nn.PReLU(num_parameters=1, init=0.25)',
    keras: 'keras.layers.PReLU()',
    note: 'PyTorch starts one $\\alpha$ per layer at 0.25; Keras one per unit, at 0 (a plain ReLU).',
    lessons: [{ lesson: 3, anchor: 'prelu-a-learned-slope' }],
    widget: lessonThreeExplorer('prelu'),
  }),
  fromLibrary('elu', {
    use: 'Hidden layers: smooth at 0 for $\\alpha = 1$, negative outputs pull the mean towards 0; costs an exponential.',
    pytorch: 'nn.ELU(alpha=1.0)',
    keras: 'keras.activations.elu',
    lessons: [{ lesson: 3, anchor: 'elu' }],
    widget: lessonThreeExplorer('elu'),
  }),
  fromLibrary('swish', {
    use: 'Hidden layers; smooth, and not monotonic (it dips to about $-0.278$). Gated forms of it (SwiGLU) are common in large language models.',
    pytorch: 'nn.SiLU()',
    keras: 'keras.activations.silu',
    note: 'keras.activations.swish is the same function.',
    lessons: [{ lesson: 3, anchor: 'swish-silu' }],
    widget: lessonThreeExplorer('swish'),
  }),
  fromLibrary('gelu', {
    use: 'Hidden layers of transformers (BERT, GPT-2); close to Swish.',
    pytorch: "nn.GELU(approximate='none')",
    keras: 'keras.activations.gelu',
    note: "Both default to the exact erf form; approximate='tanh' (PyTorch) or approximate=True (Keras) is the tanh formula.",
    lessons: [{ lesson: 3, anchor: 'gelu' }],
    widget: lessonThreeExplorer('gelu'),
  }),
  fromLibrary('softplus', {
    use: 'An output that must be positive (a variance, a rate); ReLU’s smooth twin.',
    pytorch: 'nn.Softplus(beta=1.0, threshold=20.0)',
    keras: 'keras.activations.softplus',
    note: 'PyTorch returns $z$ itself above the threshold; the course does not cut.',
    lessons: [{ lesson: 3, anchor: 'softplus' }],
    widget: lessonThreeExplorer('softplus'),
  }),
  {
    id: 'softmax',
    library: 'softmax',
    name: 'Softmax',
    formula: '\\mathrm{softmax}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}',
    derivative: '\\frac{\\partial p_i}{\\partial z_j} = p_i\\,(\\delta_{ij} - p_j)',
    range: '(0, 1)^K,\\ \\textstyle\\sum_i p_i = 1',
    use: 'One answer out of $K$ exclusive classes; not for several labels at once (use a sigmoid per label).',
    pytorch: 'nn.Softmax(dim=1)',
    keras: 'keras.activations.softmax',
    note: 'Train on logits: nn.CrossEntropyLoss applies log-softmax itself; Keras: from_logits=True.',
    lessons: [{ lesson: 4, anchor: 'scores-in-probabilities-out' }],
    widget: { lesson: 4, anchor: 'see-it-for-yourself' },
  },
  fromLibrary('linear', {
    use: 'The output of a regression network, and the logits handed to a loss that applies sigmoid or softmax itself.',
    pytorch: 'nn.Identity()',
    keras: 'keras.activations.linear',
    note: 'Or no activation at all: a plain nn.Linear / Dense layer.',
    lessons: [{ lesson: 6, anchor: 'a-residual-and-three-ways-to-score-it' }, { lesson: 8, anchor: 'three-pairs-one-gradient' }],
    widget: { lesson: 3, query: '?sheet.f1=linear&sheet.f2=none&sheet.f3=none', anchor: 'the-cheat-sheet-and-its-verdicts' },
  }),
];
