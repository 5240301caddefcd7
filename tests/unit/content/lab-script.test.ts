import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const SCRIPT = 'public/code/moons_classifier.py';
const source = readFileSync(SCRIPT, 'utf8');

// The article's script could not run: curly quotes, en-dash minus signs, `if name == "main"`.
// The lab's corrected script must not repeat any of that.
test('the lab script is plain ASCII and has a real main guard', () => {
  expect(source).toMatch(/^if __name__ == "__main__":$/m);
  expect([...source].filter((character) => character.charCodeAt(0) > 127)).toEqual([]);
});

const python = (() => {
  try {
    execFileSync('python3', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

test.skipIf(!python)('the lab script compiles with Python 3', () => {
  const check = `import ast, sys; ast.parse(open(${JSON.stringify(SCRIPT)}).read(), ${JSON.stringify(SCRIPT)})`;
  expect(() => execFileSync('python3', ['-c', check])).not.toThrow();
});
