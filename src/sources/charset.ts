/**
 * Bytes to text for fetched pages and feeds. The charset comes from the Content-Type header,
 * else a byte-order mark, else the document's own declaration (`<meta charset>` in HTML, the XML
 * declaration's `encoding`), else UTF-8. Decoding is strict: bytes that are not valid in the
 * charset are reported, never silently turned into U+FFFD (which would corrupt quotes and names).
 */
import { parseHTML } from 'linkedom';

/** The text, or why it could not be decoded. */
export type Decoded = { readonly text: string; readonly charset: string } | { readonly error: string };

/** The `charset` parameter of a Content-Type header value, lower-cased, or null. */
export function charsetOf(contentType: string | null): string | null {
  if (!contentType) return null;
  for (const parameter of contentType.split(';').slice(1)) {
    const equals = parameter.indexOf('=');
    if (equals < 0) continue;
    if (parameter.slice(0, equals).trim().toLowerCase() !== 'charset') continue;
    const value = parameter.slice(equals + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    return value === '' ? null : value;
  }
  return null;
}

/** The media type of a Content-Type header value ("text/html"), lower-cased, or null. */
export function mediaTypeOf(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : null;
}

/**
 * Decode a fetched document. `kind` says where to look for a declaration inside it when the
 * header has none.
 *
 * @example decode(bytes, 'text/html; charset=iso-8859-1', 'html') // { text: 'café…', charset: 'iso-8859-1' }
 */
export function decode(bytes: Uint8Array, contentType: string | null, kind: 'html' | 'xml' | 'json'): Decoded {
  const bom = bomCharset(bytes);
  const declared = charsetOf(contentType) ?? bom ?? (kind === 'html' ? metaCharset(bytes) : kind === 'xml' ? xmlEncoding(bytes) : null) ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared, { fatal: true });
  } catch {
    return { error: `unknown charset "${declared}"` };
  }
  try {
    const text = decoder.decode(bytes);
    return { text: decoder.encoding === 'windows-1252' ? fixWindows1252(text) : text, charset: decoder.encoding };
  } catch {
    return { error: `bytes that are not valid ${decoder.encoding}${charsetOf(contentType) ? ' (the charset the Content-Type header declares)' : ''}` };
  }
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

/**
 * `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the
 * first 4 KB, found by parsing that prefix (as Latin-1, which keeps every ASCII byte) with the
 * same DOM the reader view uses.
 */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const { document } = parseHTML(head);
  const direct = document.querySelector('meta[charset]')?.getAttribute('charset')?.trim().toLowerCase();
  if (direct) return direct;
  for (const meta of document.querySelectorAll('meta[http-equiv]')) {
    if (meta.getAttribute('http-equiv')?.toLowerCase() !== 'content-type') continue;
    const charset = charsetOf(meta.getAttribute('content'));
    if (charset) return charset;
  }
  return null;
}

/**
 * The `encoding` of an XML declaration (`<?xml version="1.0" encoding="ISO-8859-1"?>`): the
 * prolog is fixed-form and must be read before the document can be decoded (XML 1.0,
 * appendix F), so it is scanned here; the XML itself is left to the feed parser.
 */
function xmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  if (!head.startsWith('<?xml')) return null;
  const declaration = head.slice(0, head.indexOf('?>') + 1 || head.length);
  const at = declaration.indexOf('encoding');
  if (at < 0) return null;
  const rest = declaration.slice(at + 'encoding'.length).trimStart();
  if (!rest.startsWith('=')) return null;
  const value = rest.slice(1).trimStart();
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return null;
  const end = value.indexOf(quote, 1);
  return end > 1 ? value.slice(1, end).toLowerCase() : null;
}

// windows-1252's bytes 0x80-0x9F (WHATWG Encoding), in order; the five it leaves undefined map to
// the same code point.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node 20's TextDecoder decodes windows-1252 (also the label of latin1 and iso-8859-1 pages) as
 * ISO-8859-1: bytes 0x80-0x9F become C1 control characters instead of curly quotes, dashes and
 * the euro sign ("o\u0092clock" for "o\u2019clock"). Map them as the Encoding standard says.
 */
function fixWindows1252(text: string): string {
  let fixed = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || code > 0x9f) continue;
    fixed += text.slice(from, i) + (CP1252_HIGH[code - 0x80] as string);
    from = i + 1;
  }
  return from === 0 ? text : fixed + text.slice(from);
}
