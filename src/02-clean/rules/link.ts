import type { Line } from '../lines.js';
import type { CleanRule, LineContext } from './rule.js';

// "https://example.com/story/123", "www.example.com"
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/u;
// "Follow Jane Doe on Twitter at https://example.com/jdoe" has words: see the author-box rule.
// A heading with nothing after it, over a list of linked headlines: "READ MORE:", "Related Coverage"
const HEADING = /^(?:read more|related(?: (?:coverage|stories|articles|content|links))?|more(?: on this story| coverage)?|see also|also read|watch|recommended|further reading)\s*:?$/iu;
// "(RELATED: Jobs report beats forecasts)" or "[Read more: Jobs report beats forecasts]" inside a paragraph
const INLINE = /\((?:RELATED|READ MORE|SEE ALSO|WATCH|Related|Read more|See also|Watch)\s*:[^()]{1,200}\)|\[(?:RELATED|READ MORE|SEE ALSO|WATCH|Related|Read more|See also|Watch)\s*:[^[\]]{1,200}\]/gu;
// "(Open tmsnrt.rs/2WTOZDR in an external browser ...)", "(Election graphic: tmsnrt.rs/2OqGizy)":
// a line in parentheses that points to an interactive or graphic elsewhere.
const POINTER = /^\([^()]{0,120}\b(?:[a-z0-9-]+\.)+(?:rs|com|ly|co|org|net|us|uk)\/\S+[^()]{0,80}\)$/iu;
// "Trump lashes out at polls that show ... Read more" (a headline with its link, as some sites
// print related stories between paragraphs): short, no sentence end before "Read more".
const TEASER_LINK = /^[^.!?]{10,200}[^.!?\s]\s+Read more$/u;
// "Click here to read more from the Globe.", "Click here for reprint permission."
const CLICK = /^(?:to [^.]{1,60},\s*)?click here\b[^.]{0,120}\.?$/iu;

/** A headline in a list of links: short, no sentence end, and no sentence verb of reporting. */
const headlineLike = (text: string): boolean => text.length <= 160 && !/[.!?"”:]$/u.test(text) && !/\b(?:said|says|told)\b/u.test(text);

/** Is the line one of the headlines listed under a link heading (up to 8 lines below it)? */
function underHeading(line: Line, context: LineContext): boolean {
  for (let i = line.index - 1; i >= 0 && i >= line.index - 8; i--) {
    const previous = context.lines[i]?.text ?? '';
    if (HEADING.test(previous)) return true;
    if (!headlineLike(previous) && !/^advertisement$/iu.test(previous)) return false;
  }
  return false;
}

/**
 * Link lines: a bare URL, a "Click here ..." line, a link heading ("READ MORE:") and the
 * headlines listed under it, and "(RELATED: ...)" links inside a paragraph (only that part).
 * Headlines of other stories are not the article's claims.
 */
export const linkRule: CleanRule = {
  name: 'link',
  judge(line, context) {
    if (URL_LINE.test(line.text)) return { reason: 'link', detail: 'bare link on a line of its own' };
    if (CLICK.test(line.text)) return { reason: 'link', detail: 'link prompt ("Click here ...")' };
    if (POINTER.test(line.text)) return { reason: 'link', detail: 'pointer to a graphic or page elsewhere ("(Open example.rs/x in an external browser)")' };
    if (TEASER_LINK.test(line.text)) return { reason: 'link', detail: 'headline of another story with its link ("... Read more")' };
    if (HEADING.test(line.text)) return { reason: 'link', detail: 'link heading ("READ MORE:")' };
    if (headlineLike(line.text) && underHeading(line, context)) return { reason: 'link', detail: 'headline listed under a link heading ("READ MORE:")' };
    const inline = line.text.includes('(') || line.text.includes('[') ? [...line.text.matchAll(INLINE)][0] : undefined;
    if (inline) {
      const start = inline.index ?? 0;
      return { reason: 'link', detail: 'link to another story inside a paragraph ("(RELATED: ...)", "[Read more: ...]")', within: { start, end: start + inline[0].length } };
    }
    return null;
  },
};
