import type { CleanRule } from './rule.js';

// Each pattern matches a whole short line; an example it is meant for is in the comment.
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^(?:read|see|watch|listen)\s+(?:more|also|next|now)\b.*$/iu, 'link to other content ("Read more: ...")'],
  [/^(?:related|recommended|more from|most read|trending|top stories|you may also like)\b.{0,120}$/iu, 'related-content heading ("Related: ...")'],
  [/^(?:share|tweet|email|print|comment)s?(?:\s+(?:this|on)\b.*)?$/iu, 'share button text ("Share this article")'],
  [/\b(?:subscribe|sign(?:ing)? up|newsletter|follow us|join us on|download (?:our|the) app|click here|delivered to your inbox|privacy policy)\b/iu, 'call to subscribe or follow ("Sign up for our newsletter", "... delivered to your inbox")'],
  [/^(?:©|copyright\b|\(c\)\s*\d{4}).*$|all rights reserved/iu, 'copyright notice ("© 2024 Example News")'],
  [/^(?:advertisement|sponsored(?: content)?|ad|skip advertisement):?$/iu, 'advertisement marker'],
  // "More: Florida flight cancellations ...", "See photos: Fire engulfs ...", "Video: ..."
  [/^(?:more|see photos|photos|video|watch|listen|read|related coverage)\s*:\s*\S.{0,160}$/iu, 'link to other content ("More: ...", "See photos: ...")'],
  // "JUST WATCHED How to ... Replay More Videos ... MUST WATCH" (a video player's text)
  [/^JUST WATCHED\b|\bMUST WATCH\b/u, 'video player text ("JUST WATCHED ... MUST WATCH")'],
  // "Read or Share this story: https://...", "This story was originally published on ...",
  // "Click for more from Media Buzz.", "Dear reader:", "Let us know what you're thinking at x@y.com."
  [/^(?:read or share this story|this (?:story|article) (?:was )?(?:originally|first) (?:published|appeared)|click for more\b|dear reader:?$)/iu, 'page furniture ("Read or Share this story", "Click for more from ...")'],
  [/^(?:let us know|tell us|send (?:us )?(?:your )?(?:tips|thoughts))\b.{0,80}\b[\w.+-]+@[\w-]+\.[\w.]+\.?$/iu, 'call to write in ("Let us know ... at name@example.com")'],
  // "STAY UP TO DATE WITH THE FREE EXAMPLE NEWS APP" (a promotion in capitals)
  [/^(?:STAY UP TO DATE|GET THE (?:FREE )?[\p{Lu} ]+APP|DOWNLOAD THE [\p{Lu} ]+APP|WANT MORE [\p{Lu} ]+\?)/u, 'app or newsletter promotion in capitals'],
  [/^(?:this (?:article|story) (?:was|has been) (?:updated|corrected)|editor'?s note)\b.{0,160}$/iu, 'editorial notice ("This story has been updated")'],
];

/** Navigation, sharing, subscription and copyright lines that are page furniture, not article. */
export const boilerplateRule: CleanRule = {
  name: 'boilerplate',
  judge(line) {
    if (line.text.length > 200) return null;
    for (const [pattern, detail] of PATTERNS) {
      if (pattern.test(line.text)) return { reason: 'boilerplate', detail };
    }
    return null;
  },
};
