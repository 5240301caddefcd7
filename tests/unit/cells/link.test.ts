import { describe, expect, test } from 'vitest';
import { MAX_CODE_CHARACTERS, MAX_LINK_CHARACTERS, cellLink, decodeCode, encodeCode, readLinkedCode, removeLinkedCode } from '../../../src/cells/link.ts';

const at = (href: string) => ({ href }) as Location;

describe('cell links', () => {
  test('code round-trips through deflate-raw and base64url, unicode included', async () => {
    const code = "import { activation } from 'course';\nshow('σ(0) = ½ ✓');\n".repeat(20);
    const encoded = await encodeCode(code);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded.length).toBeLessThan(code.length / 3);
    expect(await decodeCode(encoded)).toBe(code);
  });

  test('the link names the cell in the query and the hash, keeping the page and its other parameters', async () => {
    const link = new URL(await cellLink('blank', 'show(1);', at('https://example.org/course/scratchpad/?explorer.w1=2#top')));
    expect(link.pathname).toBe('/course/scratchpad/');
    expect(link.searchParams.get('explorer.w1')).toBe('2');
    expect(link.hash).toBe('#cell-blank');
    expect(await decodeCode(link.searchParams.get('cell.blank')!)).toBe('show(1);');
  });

  test('malformed, empty, oversized and bomb values are refused', async () => {
    for (const value of ['', 'not*base64', '%%%', 'AAAA', 'a'.repeat(MAX_LINK_CHARACTERS + 1)]) {
      await expect(decodeCode(value)).rejects.toThrow();
    }
    // Half a million spaces deflate to a short value that would unpack past the cap.
    const bomb = await encodeCode(' '.repeat(MAX_CODE_CHARACTERS * 5));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARACTERS);
    await expect(decodeCode(bomb)).rejects.toThrow('too long');
  });

  test('reading the address: nothing, the code, or malformed', async () => {
    const encoded = await encodeCode('show(2);');
    expect(await readLinkedCode('blank', at('https://example.org/'))).toEqual({ kind: 'none' });
    expect(await readLinkedCode('blank', at(`https://example.org/?cell.blank=${encoded}`))).toEqual({ kind: 'code', code: 'show(2);' });
    expect(await readLinkedCode('other', at(`https://example.org/?cell.blank=${encoded}`))).toEqual({ kind: 'none' });
    expect(await readLinkedCode('blank', at('https://example.org/?cell.blank=!!'))).toEqual({ kind: 'malformed' });
  });

  test("once edited, a cell's code leaves the address; the other parameters and the hash stay", () => {
    const replaced: string[] = [];
    const history = { state: null, replaceState: (_state: unknown, _title: string, url: string) => void replaced.push(url) } as unknown as History;
    removeLinkedCode('blank', at('https://example.org/s/?explorer.w1=2&cell.blank=abc&cell.other=def#cell-blank'), history);
    expect(replaced).toEqual(['https://example.org/s/?explorer.w1=2&cell.other=def#cell-blank']);
    removeLinkedCode('blank', at('https://example.org/s/?explorer.w1=2#cell-blank'), history);
    expect(replaced).toHaveLength(1);
  });
});
