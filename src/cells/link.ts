/**
 * "Copy link": a cell's code in the address, deflated (CompressionStream 'deflate-raw') and
 * written in base64url, as `?cell.<id>=...#cell-<id>`. Opening such a link only puts the code
 * in the editor; the element never runs it. Whatever the address holds is untrusted: a value
 * that does not decode, or decodes to too much, is refused with a notice.
 */

/** The most characters a link's value may have (long addresses break in mail and chat). */
export const MAX_LINK_CHARACTERS = 16_000;

/** The most characters of code a link may unpack to (a small link can inflate to a lot). */
export const MAX_CODE_CHARACTERS = 100_000;

/** The query parameter that carries the cell `id`'s code. */
export function linkParameter(id: string): string {
  return `cell.${id}`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** `code` deflated and written in base64url. */
export async function encodeCode(code: string): Promise<string> {
  const stream = new Blob([code]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/** The code a link value holds; throws when it is malformed or unpacks to more than the cap. */
export async function decodeCode(value: string): Promise<string> {
  if (value.length === 0 || value.length > MAX_LINK_CHARACTERS) throw new Error('wrong length');
  const bytes = fromBase64Url(value);
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  let code = '';
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) break;
    code += chunk;
    // Stop reading as soon as the cap is passed, so a deflate bomb never fills memory.
    if (code.length > MAX_CODE_CHARACTERS) {
      await reader.cancel();
      throw new Error('too long');
    }
  }
  return code;
}

/** The address that opens this page with `code` in the cell `id`. */
export async function cellLink(id: string, code: string, location: Location = globalThis.location): Promise<string> {
  const url = new URL(location.href);
  url.searchParams.set(linkParameter(id), await encodeCode(code));
  url.hash = `cell-${id}`;
  return url.href;
}

/** What the address says about the cell `id`: nothing, its code, or that the value is unusable. */
export type LinkedCode = { kind: 'none' } | { kind: 'code'; code: string } | { kind: 'malformed' };

/** Reads the cell `id`'s code from the address, if the address has any. */
export async function readLinkedCode(id: string, location: Location = globalThis.location): Promise<LinkedCode> {
  const value = new URL(location.href).searchParams.get(linkParameter(id));
  if (value === null) return { kind: 'none' };
  try {
    return { kind: 'code', code: await decodeCode(value) };
  } catch {
    return { kind: 'malformed' };
  }
}

/**
 * Takes the cell `id`'s code out of the address, keeping its other parameters and the hash:
 * once the reader has edited linked code, a reload must show their saved edit, not the link's.
 */
export function removeLinkedCode(id: string, location: Location = globalThis.location, history: History = globalThis.history): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(linkParameter(id))) return;
  url.searchParams.delete(linkParameter(id));
  history.replaceState(history.state, '', url.href);
}
