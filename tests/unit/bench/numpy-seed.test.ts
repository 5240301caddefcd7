import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  execFileText,
  findPython,
  parseSeedTiming,
  pythonCandidates,
  runNumpySeed,
  SEED_DRIVER,
  type Exec,
} from '../../bench/numpy-seed.ts';

const GOOD_LINE = '{"runsMs": [1530.2, 1528.9], "testAccuracy": 0.9666666666666667, "epochs": 500, "numpy": "1.24.2", "sklearn": "1.2.1", "python": "3.11.2"}';

/** A fake Exec: `probe` says whether each interpreter imports numpy and sklearn; the driver prints `driverOutput`. */
function fakeExec(probe: Record<string, string | true>, driverOutput = GOOD_LINE) {
  const calls: { file: string; args: readonly string[] }[] = [];
  const exec: Exec = async (file, args) => {
    calls.push({ file, args });
    if (args[0] === '-c') {
      const answer = probe[file] ?? 'not found';
      if (answer !== true) throw new Error(answer);
      return '1.24.2 1.2.1\n';
    }
    return driverOutput;
  };
  return { exec, calls };
}

describe('finding a Python with NumPy and scikit-learn', () => {
  test('$PYTHON alone when set, else python3 on PATH then /usr/bin/python3', () => {
    expect(pythonCandidates({ PYTHON: '/opt/py/bin/python' })).toEqual(['/opt/py/bin/python']);
    expect(pythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
    expect(pythonCandidates({ PYTHON: '  ' })).toEqual(['python3', '/usr/bin/python3']);
  });

  test('when no candidate works, the reason names each one tried and why it failed', async () => {
    const { exec } = fakeExec({ python3: "ModuleNotFoundError: No module named 'sklearn'" });
    expect(await findPython(['python3', '/usr/bin/python3'], exec)).toEqual({
      reason: "skipped: no python3 with numpy and scikit-learn (tried: python3: ModuleNotFoundError: No module named 'sklearn'; /usr/bin/python3: not found)",
    });
    expect(await findPython([], exec)).toEqual({ reason: 'skipped: no python3 with numpy and scikit-learn (tried: none)' });
  });

  test('takes the first candidate that imports both, and probes no further', async () => {
    const { exec, calls } = fakeExec({ python3: 'No module named sklearn', '/usr/bin/python3': true, '/later': true });
    expect(await findPython(['python3', '/usr/bin/python3', '/later'], exec)).toEqual({ python: '/usr/bin/python3' });
    expect(calls.map((call) => call.file)).toEqual(['python3', '/usr/bin/python3']);
  });

  test('the real exec says "not found" for a missing program and passes on the last line of stderr', async () => {
    await expect(execFileText('/nonexistent/python3', ['-c', 'pass'], 5000)).rejects.toThrow(/^not found$/);
    const failing = "process.stderr.write('Traceback\\nModuleNotFoundError: No module named sklearn\\n'); process.exit(1)";
    await expect(execFileText(process.execPath, ['-e', failing], 5000)).rejects.toThrow(/^ModuleNotFoundError: No module named sklearn$/);
    expect(await execFileText(process.execPath, ['-e', 'console.log(6 * 7)'], 5000)).toBe('42\n');
  });
});

describe("parsing the driver's JSON line", () => {
  test('reads the last line, after anything printed before it', () => {
    expect(parseSeedTiming(`a warning\n${GOOD_LINE}\n\n`)).toEqual({
      runsMs: [1530.2, 1528.9],
      testAccuracy: 0.9666666666666667,
      epochs: 500,
      numpy: '1.24.2',
      sklearn: '1.2.1',
      python: '3.11.2',
    });
  });

  test.each([
    ['', /printed no JSON line: ""/],
    ['Epoch   0 | Train Loss: 0.69', /printed no JSON line: "Epoch   0/],
    ['{"runsMs": [1530.2', /printed no JSON line/],
    ['[1, 2]', /JSON that is not an object/],
    [GOOD_LINE.replace('[1530.2, 1528.9]', '[]'), /no runsMs list of times/],
    [GOOD_LINE.replace('1528.9', '"slow"'), /no runsMs list of times/],
    [GOOD_LINE.replace('0.9666666666666667', '96.7'), /testAccuracy outside 0 to 1/],
    [GOOD_LINE.replace('"epochs": 500', '"epochs": 2.5'), /no whole number of epochs/],
    [GOOD_LINE.replace('"sklearn": "1.2.1", ', ''), /no numpy, sklearn and python versions/],
  ])('%j is a clear error', (output, message) => {
    expect(() => parseSeedTiming(output)).toThrow(message);
  });
});

describe('the numpy-seed row', () => {
  test('runs the driver on the interpreter found, with the runs and epochs asked for', async () => {
    const { exec, calls } = fakeExec({ '/usr/bin/python3': true });
    const outcome = await runNumpySeed({ runs: 2, epochs: 500, candidates: ['python3', '/usr/bin/python3'], exec });
    expect(outcome).toEqual({ ran: true, interpreter: '/usr/bin/python3', timing: parseSeedTiming(GOOD_LINE) });
    expect(calls.at(-1)).toEqual({ file: '/usr/bin/python3', args: [SEED_DRIVER, '--runs', '2', '--epochs', '500'] });
  });

  test('is skipped with the reason, and the driver never run, when no interpreter has both', async () => {
    const { exec, calls } = fakeExec({});
    const outcome = await runNumpySeed({ runs: 3, epochs: 500, candidates: ['python3'], exec });
    expect(outcome).toEqual({ ran: false, reason: 'skipped: no python3 with numpy and scikit-learn (tried: python3: not found)' });
    expect(calls.every((call) => call.args[0] === '-c')).toBe(true);
  });

  test('a driver that fails or prints nonsense is an error, not a skip', async () => {
    const failing: Exec = async (file, args) => {
      if (args[0] === '-c') return '';
      throw new Error('ValueError: boom');
    };
    await expect(runNumpySeed({ runs: 1, epochs: 2, candidates: ['py'], exec: failing })).rejects.toThrow(/py .*seed_lab_bench\.py failed: ValueError: boom/);
    const { exec } = fakeExec({ py: true }, 'Traceback (most recent call last):');
    await expect(runNumpySeed({ runs: 1, epochs: 2, candidates: ['py'], exec })).rejects.toThrow(/printed no JSON line/);
  });
});

test("the baseline keeps the article's backward pass, and imports matplotlib only when run as a script", () => {
  const source = readFileSync(new URL('../../bench/seed_lab.py', import.meta.url), 'utf8');
  // Bug 1: the sigmoid's slope applied on top of (y_pred - y_true) / m.
  expect(source).toContain('dA = (y_pred - y_true) / m');
  expect(source).toContain("if activation_type == 'sigmoid':\n                dZ = dA * self.sigmoid_derivative(z)");
  // Bug 2: the weights are updated before the gradient goes back through them.
  const update = source.indexOf('self.weights[i] -= self.learning_rate * dW');
  const propagate = source.indexOf('dA = np.dot(dZ, self.weights[i].T)');
  expect(update).toBeGreaterThan(0);
  expect(propagate).toBeGreaterThan(update);
  expect(source.indexOf('import matplotlib')).toBeGreaterThan(source.indexOf('if __name__ == "__main__":'));
});

// With a Python that has NumPy and scikit-learn, run the real driver briefly, with matplotlib
// made unimportable (the bench must not need it).
const found = await findPython(pythonCandidates());
const NO_MATPLOTLIB = "import runpy, sys; sys.modules['matplotlib'] = None; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')";
test.skipIf('reason' in found)(`the driver prints its JSON line for 2 epochs and 1 run, without matplotlib${'reason' in found ? ` (${found.reason})` : ''}`, async () => {
  const withoutMatplotlib: Exec = (file, args, timeoutMs) => execFileText(file, args[0] === SEED_DRIVER ? ['-c', NO_MATPLOTLIB, ...args] : args, timeoutMs);
  const outcome = await runNumpySeed({ runs: 1, epochs: 2, candidates: 'python' in found ? [found.python] : [], exec: withoutMatplotlib });
  if (!outcome.ran) throw new Error(outcome.reason);
  expect(outcome.timing).toEqual({
    runsMs: [expect.any(Number)],
    testAccuracy: expect.any(Number),
    epochs: 2,
    numpy: expect.stringMatching(/^\d+\.\d+/),
    sklearn: expect.stringMatching(/^\d+\.\d+/),
    python: expect.stringMatching(/^3\.\d+/),
  });
  expect(outcome.timing.runsMs[0]).toBeGreaterThan(0);
  // Two epochs of the article's net already separate the moons better than chance.
  expect(outcome.timing.testAccuracy).toBeGreaterThan(0.5);
});
