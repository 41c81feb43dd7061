import type { CleanRule } from './rule.js';

// Photo agencies and the words of a credit; a credit names the photographer and the agency
// ("Jane Doe/Getty Images", "REUTERS/Jane Doe", "AP Photo/Jane Doe").
const AGENCY = String.raw`(?:Getty Images|AFP|AP(?: Photo| Images)?|Reuters|REUTERS|EPA(?:-EFE)?|Bloomberg|Pool|POLITICO|Shutterstock|Sipa|NurPhoto|Anadolu|Xinhua|TASS|UPI|Zuma|ZUMA|Corbis|Alamy|The [\p{Lu}][\p{L}]+(?: [\p{Lu}][\p{L}]+){0,3})`;
const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
const CREDIT = String.raw`${NAME}(?:\s+(?:and|&)\s+${NAME})?(?:\/${AGENCY})+(?:\s+via\s+${AGENCY}(?:\/${AGENCY})*)?`;

// Each pattern, an example it is meant for, and what the drop says.
// A third element is a character the pattern cannot match without: the large credit patterns
// (hundreds of Unicode ranges each; ~30 ms to compile, per thread) run only on lines holding it.
const WHOLE_LINE: readonly (readonly [RegExp, string, string?])[] = [
  // "Enlarge this image toggle caption Jane Doe/Getty Images Jane Doe/Getty Images"
  [/^(?:Enlarge this image|(?:Enlarge this image\s+)?toggle caption|Hide caption)\b/u, 'photo credit ("toggle caption Name/Agency")'],
  // "FILE PHOTO: A supporter holds a sign ..."; "FILE - In this Aug. 29, 2019 file photo, ..."
  [/^FILE(?: PHOTO)?\s*[:–—-]\s*|^\(?(?:In this|This) [^,]{0,60}\b(?:file )?photo\b/u, 'photo caption ("FILE PHOTO: ...", "In this ... photo, ...")'],
  // "... in Columbus on June 21. (Photo: Jane Doe, AP)", "(Photo by Jane Doe/Getty Images)"
  [/\((?:Photos?|Images?|Pictures?|Photograph|Credit|Video)(?:\s+by|\s+credit)?\s*:?\s+[^()]{1,90}\)\s*$/u, 'photo caption ending with its credit ("(Photo: Name, Agency)")'],
  // "... in Washington, May 23, 2019. (REUTERS/Jane Doe)", "(AP Photo)", "(AP Photo/Jane Doe)"
  // (not "(Reuters)" alone: a quoted wire report ends like that too)
  [/\((?:(?:REUTERS|Reuters|AP|AFP|Getty Images)\/[^()]{1,60}|AP Photo(?:\/[^()]{1,60})?)\)\s*$/u, 'photo caption ending with its credit ("(REUTERS/Name)")'],
  // "... in N.Y., November 13, 2018. (Jane Doe/Reuters)", "(Reuters photo: Jane Doe)"
  [new RegExp(String.raw`\((?:${CREDIT}|(?:Reuters|REUTERS|AP|AFP) [Pp]hoto\s*:\s*${NAME})\)\s*$`, 'u'), 'photo caption ending with its credit ("(Name/Agency)")', '('],
  // "Sanders speaks in Detroit in March 2016. Photograph: Jane Doe/AP"
  [/\b(?:Photograph|Photo|Picture|Image|Illustration)(?: by| credit| courtesy of)?\s*:\s*[^.]{1,80}$/u, 'photo caption ending with its credit ("Photograph: Name/Agency")'],
  // "... on Tuesday. Photo by the Associated Press", "Picture courtesy of the ministry"
  [/(?:^|[.!?)]\s+)(?:Photo|Picture|Image)s? (?:by|courtesy of|via) [^.]{1,60}\.?$/u, 'photo caption ending with its credit ("Photo by ...")'],
  // "Image caption A protester in ...", "Image copyright Getty Images"
  [/^(?:Image|Photo|Media) (?:caption|copyright|source)\b/u, 'photo caption or credit ("Image caption ...")'],
  // "Facebook Twitter Pinterest A boy is taken into custody ..." (a share bar glued to a caption)
  [/^Facebook Twitter Pinterest\b/u, 'photo caption under a share bar ("Facebook Twitter Pinterest ...")'],
  // "Attorney General at the Department of Justice on Feb. 10 in Washington. Jane Doe/Getty Images"
  // "... on Nov. 30 in Washington, Jane Doe/the Example Post via Getty Images"
  [new RegExp(String.raw`(?:^|[.!?),]\s+)${CREDIT}\.?$`, 'u'), 'photo caption ending with its credit ("Name/Agency")', '/'],
  // "REUTERS/Jane Doe" or "REUTERS/Jane Doe/Pool" at the end of a caption
  [/\bREUTERS\/\p{Lu}[\p{L}.' -]{1,40}(?:\/[\p{L}.' -]{1,30})*\/?$/u, 'photo caption ending with its credit ("REUTERS/Name")'],
];
// "Jane Doe/Reuters People protest outside the court ...", "Jane Doe / AFP - Getty Images People ...",
// "Getty Images Trucks line up at the border ..." (the credit opens the caption)
const CREDIT_FIRST = new RegExp(String.raw`^(?:${CREDIT}|${NAME}\s+\/\s+${AGENCY}(?:\s+-\s+${AGENCY})?|Getty Images)\s+\p{Lu}`, 'u');
// "Caption of the photo. | Jane Doe/POLITICO" (or "| AP Photo") followed by the page's own text on the same line.
const CREDIT_BAR = new RegExp(String.raw`^.{10,400}?\s\|\s(?:${CREDIT}|AP Photo|Getty Images)`, 'u');
// "Activists in Miami last month. (Photo: Jane Doe, AP) Story Highlights ..." (a caption glued before the text)
const CREDIT_INSIDE = /^.{10,400}?\((?:Photos?|Images?|Pictures?|Photograph|Video)(?:\s+by|\s+credit)?\s*:?\s+[^()]{1,90}\)(?=\s+\S)/u;

// Every caption pattern needs one of these: lines without any are skipped at once (most lines).
const MAYBE = /[/|]|FILE|[Pp]hoto|PHOTO|[Ii]mage|[Pp]icture|[Cc]aption|Pinterest|[Ii]llustration|[Cc]redit|Video|Getty/u;

/**
 * Photo captions and credits: what the picture shows and who took it, not what the outlet
 * reports. A caption is one line ending with (or opening with) its credit, or an agency's
 * "FILE PHOTO:" line; a caption glued before the page's text with " | Name/Agency" loses only
 * that part.
 */
export const captionRule: CleanRule = {
  name: 'caption',
  judge(line) {
    if (!MAYBE.test(line.text)) return null;
    // CREDIT_BAR needs " | ", CREDIT_INSIDE "(", CREDIT_FIRST a "/" or "Getty Images" first.
    const bar = line.text.includes('|') ? CREDIT_BAR.exec(line.text) : null;
    if (bar && bar[0].length < line.text.length - 20) {
      return { reason: 'caption', detail: 'photo caption and credit before the text ("... | Name/Agency")', within: { start: 0, end: bar[0].length } };
    }
    const inside = line.text.includes('(') ? CREDIT_INSIDE.exec(line.text) : null;
    if (inside) {
      return { reason: 'caption', detail: 'photo caption and credit before the text ("... (Photo: Name, Agency) ...")', within: { start: 0, end: inside[0].length } };
    }
    if (line.text.length > 600) return null;
    for (const [pattern, detail, needs] of WHOLE_LINE) if ((needs === undefined || line.text.includes(needs)) && pattern.test(line.text)) return { reason: 'caption', detail };
    if ((line.text.includes('/') || line.text.startsWith('Getty Images')) && CREDIT_FIRST.test(line.text)) return { reason: 'caption', detail: 'photo caption opening with its credit ("Name/Agency ...")' };
    return null;
  },
};
