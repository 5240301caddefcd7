/** The pairing lab's words: pairings named, finals never NaN or undefined, refusals in words. */
import { describe, expect, test } from 'vitest';
import { defaultState } from '../../../../src/widgets/common/state.ts';
import { PAIRING_PRESETS } from '../../../../src/widgets/pairing-lab/model.ts';
import { SIDES } from '../../../../src/widgets/pairing-lab/protocol.ts';
import { trainPairing } from '../../../../src/widgets/pairing-lab/session.ts';
import { finalRow, finishedWords } from '../../../../src/widgets/pairing-lab/words.ts';

const base = defaultState(SCHEMA);
import { SCHEMA } from '../../../../src/widgets/pairing-lab/state.ts';

describe('final rows', () => {
  test.each(PAIRING_PRESETS)('%s: no NaN or undefined in any cell', (preset) => {
    const sides = trainPairing({ ...base, preset });
    const rows = SIDES.map((side) => finalRow(side, sides[side], sides[side].points));
    // The refusal is shown on screen too, so it may not say "undefined" even as a word.
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/NaN|undefined/);
    expect(finishedWords(50, [rows[0], rows[1]])).not.toMatch(/NaN|undefined/);
  });

  test('softmax: titles and the finished sentence as the lesson says them', () => {
    const sides = trainPairing(base);
    const rows = SIDES.map((side) => finalRow(side, sides[side], sides[side].points));
    expect(rows[0].title).toBe('A: softmax + categorical cross-entropy');
    expect(rows[1].title).toBe('B: softmax + MSE');
    expect(finishedWords(50, [rows[0], rows[1]])).toMatch(/^Finished 50 epochs\. A: [\d.]+% validation accuracy, B: [\d.]+%\.$/);
  });
});
