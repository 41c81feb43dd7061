import type { CleanRule } from './rule.js';

const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`;
const HANDLE = String.raw`\(@[A-Za-z0-9_]{1,15}\)`;
// A post's sign-off at the end of its text: "— Jane Doe (@jdoe) March 5, 2024" (a display name
// may carry its own parenthesis: "— Jane Doe (Text JOIN to 1234) (@jdoe) January 4, 2020").
const SIGN_OFF = new RegExp(String.raw`[—–-]\s*[^()\n]{1,80}?(?:\s*\([^()\n]{0,40}\))?\s*${HANDLE}\s*(?:on\s+)?${MONTH}\s+\d{1,2},\s+\d{4}\W{0,3}$`, 'u');
// A post card that starts with its author: "Jane Doe (@jdoe) Polls close at eight tonight."
const LEAD = new RegExp(String.raw`^\p{Lu}[^()\n]{0,60}?\s${HANDLE}\s+(?=\S)`, 'u');
// Words that make "Jane Doe (@jdoe) said ..." a sentence of the story, not a post card.
const REPORTING = /^(?:said|says|tweeted|wrote|posted|replied|responded|added|told|noted|argued|asked|shared|retweeted|and|who|,)/iu;
// Links only a post's text carries: its picture or its shortened link.
const POST_LINK = /\bpic\.twitter\.com\/\w+|\bhttps?:\/\/t\.co\/\w+/u;
// "A photo posted by Jane Doe (@jdoe) on Mar 22, 2016 at 3:01am PDT"
const INSTAGRAM = /\bA (?:photo|video|post) (?:posted|shared) by [^()\n]{1,60}\(@[\w.]{1,30}\) on /u;

/**
 * Embedded social-media posts: the post's text is its author's, pasted into the page, never the
 * outlet's own claim. Recognised by the embed's sign-off ("— Jane Doe (@jdoe) March 5, 2024"),
 * a card that starts with the author and handle, the links only a post carries
 * (pic.twitter.com, t.co) or an Instagram caption line.
 */
export const embedRule: CleanRule = {
  name: 'embed',
  judge(line) {
    // Every pattern needs a handle or a post link: most lines are skipped at once.
    if (line.text.length > 1200 || (!line.text.includes('@') && !line.text.includes('pic.twitter.com') && !line.text.includes('t.co/'))) return null;
    if (SIGN_OFF.test(line.text)) return { reason: 'embed', detail: 'embedded post: ends with its author\'s sign-off ("— Name (@handle) March 5, 2024")' };
    if (INSTAGRAM.test(line.text)) return { reason: 'embed', detail: 'embedded post: "A photo posted by Name (@handle) on ..."' };
    if (POST_LINK.test(line.text)) return { reason: 'embed', detail: 'embedded post: carries a pic.twitter.com or t.co link' };
    const lead = LEAD.exec(line.text);
    if (lead && !REPORTING.test(line.text.slice(lead[0].length))) {
      return { reason: 'embed', detail: 'embedded post card: starts with its author and handle ("Name (@handle) ...")' };
    }
    return null;
  },
};
