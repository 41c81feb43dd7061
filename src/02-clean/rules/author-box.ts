import type { CleanRule } from './rule.js';

const NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{L}.'’-]+|de|van|von|bin|al|da)){1,3}`;
// "Jane Doe is a reporter for Example News.", "— Jane Doe is a senior fellow at the Example Institute."
const BIO = new RegExp(String.raw`^[—–-]?\s*(${NAME})\s+(?:is|was|has been|writes)\s+(?:an?|the)?\s*[^.]{0,160}?\b(?:reporter|writer|correspondent|contributor|columnist|editor|fellow|professor|director|author|analyst|scholar|researcher|lecturer|economist|producer|journalist|intern|chief|president|founder|host|blogger)s?\b`, 'u');
// "Follow her on Twitter @jdoe", "Follow @jdoe on Twitter.", "You can follow Jane Doe on Facebook"
const FOLLOW = /^(?:[—–•-]\s*)?(?:you can )?follow (?:@\w+|him|her|them|us|[\p{Lu}][\p{L}.'’ -]{1,40}?)\b.{0,80}?(?:twitter|facebook|instagram|@\w+)|(?:^|[.!?]\s+)(?:you can )?follow (?:him|her|them) on (?:twitter|facebook|instagram)\b/iu;
// A line of follow buttons anywhere in the page: "Follow @example", "Follow @exampleFollow @jdoe"
const FOLLOW_BUTTONS = /^(?:follow @\w+\s*)+$/iu;
// "Jane Doe can be reached at jdoe@example.com", "Send tips to tips@example.com", "Contact the author at ..."
const CONTACT = /\b(?:can be reached|reach (?:him|her|them|the (?:author|writer))|contact (?:him|her|them|the (?:author|writer|reporter))|e-?mail (?:him|her|them)|send (?:tips|letters|your story|your stories)|write to)\b[^.]{0,100}?(?:[\w.-]+@[\w-]+\.\w+|@\w+|twitter|\[email)/iu;

/**
 * Author boxes at the end of an article: who wrote it and how to reach them ("Jane Doe is a
 * reporter for Example News. Follow her on Twitter @jdoe"), and lines of follow buttons anywhere.
 * Only the last four lines are judged for the rest,
 * and a biography line only when the person it names appears nowhere else in the article: "Jane
 * Doe is a professor at Example University" about someone the story quotes stays.
 */
export const authorBoxRule: CleanRule = {
  name: 'author-box',
  judge(line, context) {
    if (/^follow @/iu.test(line.text) && FOLLOW_BUTTONS.test(line.text)) return { reason: 'author-box', detail: 'follow buttons ("Follow @handle")' };
    if (line.index < context.lines.length - 4 || line.text.length > 700) return null;
    if (FOLLOW.test(line.text)) return { reason: 'author-box', detail: 'author box: "Follow her on Twitter ..."' };
    if (CONTACT.test(line.text)) return { reason: 'author-box', detail: 'author box: how to reach the author ("can be reached at ...")' };
    const bio = BIO.exec(line.text);
    if (bio) {
      const surname = (bio[1] ?? '').split(/\s+/u).pop() ?? '';
      const elsewhere = context.lines.some((l) => l.index !== line.index && surname.length > 1 && l.text.includes(surname));
      if (!elsewhere) return { reason: 'author-box', detail: `author box: a biography of someone the article does not otherwise name ("${bio[1] ?? ''} is ...")` };
    }
    return null;
  },
};
