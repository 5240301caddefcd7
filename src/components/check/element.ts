/**
 * <al-check>: makes a self-check live. Native radios, checkboxes or a text box, a Check button
 * (Enter submits the form), feedback beside the chosen options with a text mark, the result in
 * a polite live region, the answer saved in the progress record and shown again on return.
 * Until the reader answers, the Answer summary is hidden, so JavaScript never gives it away.
 */
import { readProgress, recordAnswer } from '../../utils/progress.ts';
import { choiceSummary, judgeChoices, judgeNumber, optionId, parseNumber } from './answer.ts';

/** What a check's result says, and whether it was right. */
interface Result {
  message: string;
  correct: boolean;
}

/** The reader-facing text of rendered HTML: KaTeX's visual copy and TeX source left out. */
function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.katex-html, annotation')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

class CheckElement extends HTMLElement {
  connectedCallback(): void {
    if (this.dataset.live !== undefined) return;
    this.dataset.live = '';
    const id = this.dataset.checkId ?? '';
    const key = `${this.dataset.lesson}/${id}`;
    if ([...document.querySelectorAll<HTMLElement>('al-check')].filter((check) => check.dataset.checkId === id).length > 1) {
      console.warn(`Two self-checks on this page have id "${id}"; their saved answers would overwrite each other.`);
    }
    const part = <T extends HTMLElement>(name: string) => this.querySelector<T>(`[data-part="${name}"]`);
    const form = this.querySelector('form')!;
    const status = part('status')!;
    const retry = part<HTMLButtonElement>('retry')!;
    const answer = part<HTMLDetailsElement>('answer')!;
    const see = part('see');
    const numeric = this.dataset.kind === 'numeric';
    const inputs = numeric ? [] : this.makeOptions(part('options')!, this.dataset.kind === 'multiple');
    const box = this.querySelector<HTMLInputElement>('input[type="text"]');
    part('controls')?.removeAttribute('hidden');
    part('actions')!.removeAttribute('hidden');
    answer.hidden = true;

    const items = () => inputs.map((input) => input.closest('li')!);
    const clear = () => {
      for (const item of items()) delete item.dataset.feedbackShown;
      for (const input of inputs) input.removeAttribute('aria-describedby');
      box?.removeAttribute('aria-invalid');
      status.textContent = '';
      delete this.dataset.result;
      retry.hidden = true;
    };
    const announce = (message: string) => {
      // Emptied first, so the same sentence twice in a row is read twice.
      status.textContent = '';
      setTimeout(() => (status.textContent = message), 60);
    };

    const judge = (): Result | { refused: string } => {
      if (box) {
        const parsed = parseNumber(box.value);
        if (!parsed.ok) return { refused: parsed.message };
        const verdict = judgeNumber(parsed.value, Number(this.dataset.answer), Number(this.dataset.tolerance));
        const typed = box.value.trim();
        if (verdict === 'right') return { correct: true, message: `Right: ${typed} is the answer.` };
        return { correct: false, message: `Not quite: ${typed} is too ${verdict === 'too-high' ? 'high' : 'low'}. Try again, or open the answer below.` };
      }
      const chosen = inputs.filter((input) => input.checked);
      if (chosen.length === 0) return { refused: this.dataset.kind === 'multiple' ? 'Tick at least one option first.' : 'Choose an option first.' };
      for (const input of chosen) {
        const item = input.closest('li')!;
        item.dataset.feedbackShown = '';
        input.setAttribute('aria-describedby', item.querySelector('.choice-feedback')!.id);
      }
      const correctIds = inputs.filter((input) => input.closest('li')!.dataset.correct === 'true').map((input) => input.value);
      const verdict = judgeChoices(chosen.map((input) => input.value), correctIds);
      if (this.dataset.kind === 'multiple') return { correct: verdict.correct, message: choiceSummary(verdict) };
      const feedback = spokenText(chosen[0].closest('li')!.querySelector('.choice-feedback')!);
      const next = see ? ' Now follow the link below to see it happen.' : '';
      return { correct: verdict.correct, message: `${feedback}${next}` };
    };

    const show = (saved: boolean) => {
      const result = judge();
      if ('refused' in result) {
        box?.setAttribute('aria-invalid', 'true');
        announce(result.refused);
        return;
      }
      this.dataset.result = result.correct ? 'right' : 'wrong';
      answer.hidden = false;
      if (numeric && result.correct) answer.open = true;
      if (see) see.hidden = false;
      retry.hidden = false;
      const chosen = box ? [box.value.trim()] : inputs.filter((input) => input.checked).map((input) => input.value);
      if (saved) {
        status.textContent = `You answered this before. ${result.message}`;
      } else {
        recordAnswer(key, chosen, result.correct);
        announce(result.message);
      }
    };

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      show(false);
    });
    // A changed answer is no longer the one judged: its feedback would mislead.
    form.addEventListener('input', clear);
    retry.addEventListener('click', () => {
      clear();
      for (const input of inputs) input.checked = false;
      if (box) box.value = '';
      (box ?? inputs[0]).focus();
    });

    // A saved answer is put back only if it still fits this check (the options may have changed
    // since, or the record been tampered with): otherwise the check starts fresh, with no message.
    const previous = readProgress().answers[key];
    const values = new Set(inputs.map((input) => input.value));
    const fits = (answer: readonly string[]) =>
      box ? answer.length === 1 && parseNumber(answer[0] ?? '').ok : answer.length > 0 && answer.every((id) => values.has(id));
    if (previous && fits(previous.answer)) {
      if (box) box.value = previous.answer[0] ?? '';
      else for (const input of inputs) input.checked = previous.answer.includes(input.value);
      show(true);
    }
  }

  /** Turns the printed list into labelled radios or checkboxes; returns them in order. */
  private makeOptions(list: HTMLElement, multiple: boolean): HTMLInputElement[] {
    return [...list.querySelectorAll<HTMLElement>(':scope > li')].map((item, index) => {
      const input = document.createElement('input');
      input.type = multiple ? 'checkbox' : 'radio';
      input.name = this.id;
      input.value = optionId(index);
      input.id = `${this.id}-${input.value}`;
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.append(item.querySelector('.choice-text')!);
      item.prepend(input, label);
      item.querySelector('.choice-feedback')!.id = `${input.id}-feedback`;
      return input;
    });
  }
}

if (!customElements.get('al-check')) customElements.define('al-check', CheckElement);
