/**
 * Escaping shared by the renderers, in a module of its own so the report renderers and the drift
 * renderer can all import it without importing each other.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Escape text for HTML text and quoted attributes: every value in the page passes through here.
 * @example esc('<b title="x">') // '&lt;b title=&quot;x&quot;&gt;'
 */
export const esc = (value: string | number): string => String(value).replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);

/**
 * Escape article text for a Markdown table cell or list item: fold line breaks and
 * backslash-escape the characters that end a cell, open emphasis, code, links or raw HTML, or
 * start an entity (`\\ | * _ ` [ ] < > ~ & #`), so no text can break the table or inject markup.
 * @example mdText('a | <b>') // 'a \\| \\<b\\>'
 */
export function mdText(value: string | number): string {
  return String(value).replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]|<>~&#]/g, (c) => `\\${c}`);
}
