// Embedded posts, photo captions and credits, link lines and author boxes never reach the later
// stages: each is a dropped region with its reason. Every sentence here is written for this test
// (an invented town and invented people), none copied from a corpus.
import { describe, expect, it } from 'vitest';
import { clean } from '../src/02-clean/index.js';
import { readerView } from '../src/adapters/readability.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { Article } from '../src/types/index.js';

const article = (text: string, id = 'test'): Article => ({ id, outlet: null, date: null, title: null, url: null, text, dropped: [] });

const BODY = [
  'The harbour council voted on Tuesday to close the old ferry pier for repairs.',
  'Council leader Mira Halden said the work would take about six months.',
  'Fishermen who use the pier said they had not been consulted and would appeal the decision.',
  'A spokesman for the port authority said the vote followed two safety inspections.',
];

/** The rows of a table: [label, the furniture line, its expected reason, the dropped text (default: the whole line)]. */
type Row = readonly [string, string, string, string?];

function dropsExactly(rows: readonly Row[], at: 'middle' | 'end'): void {
  it.each(rows)('drops %s', (_label, line, reason, droppedText) => {
    const lines = at === 'end' ? [...BODY, line] : [...BODY.slice(0, 2), line, ...BODY.slice(2)];
    const text = lines.join('\n\n');
    const cleaned = clean(article(text));
    expect(cleaned.dropped.map((d) => [d.reason, d.text])).toEqual([[reason, droppedText ?? line]]);
    for (const d of cleaned.dropped) {
      expect(text.slice(d.start, d.end)).toBe(d.text);
      expect(d.detail.length).toBeGreaterThan(10);
    }
  });
}

describe('clean: embedded posts', () => {
  dropsExactly([
    ['a post with its sign-off', 'The pier has been unsafe for years and everyone knew it. — Tova Renn (@tovarenn) March 5, 2024', 'embed'],
    ['a post with a picture link and sign-off', 'Queues at the ferry this morning pic.twitter.com/Ab12Cd34 — Harbour Watch (@harbourwatch) June 2, 2023', 'embed'],
    ['a post whose display name has a parenthesis', 'See you at the meeting. — Mira Halden (Text PIER to 5555) (@mirahalden) January 14, 2024', 'embed'],
    ['a post card that starts with its author', 'Tova Renn (@tovarenn) Six months of repairs means a lost season for the boats.', 'embed'],
    ['a post with a shortened link only', 'Full statement from the council on the pier https://t.co/Xy98Zw', 'embed'],
    ['an Instagram caption', 'Last ferry before the works A photo posted by Lars Quint (@lars.quint) on Apr 3, 2024 at 6:12pm PDT', 'embed'],
  ], 'middle');
});

describe('clean: photo captions and credits', () => {
  dropsExactly([
    ['a caption with "(Photo by Name/Agency)"', 'Fishermen gather at the old pier on Monday. (Photo by Ana Brell/Getty Images)', 'caption'],
    ['a caption with "(Photo: Name, Agency)"', 'Council leader Mira Halden speaks in the town hall. (Photo: Piet Ores, AP)', 'caption'],
    ['an agency "FILE PHOTO:" caption', 'FILE PHOTO: A ferry leaves the harbour at dawn, May 3, 2021. REUTERS/Jon Vale', 'caption'],
    ['an AP "FILE -" caption', 'FILE - In this May 3, 2021, file photo, a ferry leaves the harbour at dawn.', 'caption'],
    ['a caption ending "Photograph: Name/Agency"', 'Boats moored by the pier. Photograph: Ana Brell/AFP/Getty Images', 'caption'],
    ['a caption ending with a bare credit', 'The ferry pier seen from the lighthouse on Sunday. Ana Brell/Getty Images', 'caption'],
    ['a caption opening with its credit', 'Ana Brell/Reuters Fishermen mend nets beside the closed pier.', 'caption'],
    ['a caption opening with a bare agency credit', 'Getty Images Fishing boats line up at the closed pier on Monday.', 'caption'],
    ['an "Image: ..." credit line', 'Image: Harbour council', 'caption'],
    ['a photo credit toggle', 'Enlarge this image toggle caption Ana Brell/AFP/Getty Images Ana Brell/AFP/Getty Images', 'caption'],
    ['a caption ending "(Name/Agency)"', 'Fishermen mend nets beside the closed pier in Porto, May 3, 2021. (Ana Brell/Reuters)', 'caption'],
    ['a caption ending "(Agency photo: Name)"', 'Ferries wait in the harbour, January 27, 2022. (Reuters photo: Ana Brell)', 'caption'],
    ['only the caption glued before the text with " | Name/Agency"',
      'Boats moored by the pier. | Ana Brell/Getty Images The council will meet again next week to set a timetable.',
      'caption', 'Boats moored by the pier. | Ana Brell/Getty Images'],
  ], 'middle');
});

describe('clean: link lines', () => {
  dropsExactly([
    ['a bare URL', 'https://example.com/news/pier-vote-123', 'link'],
    ['a "Click here" line', 'Click here to read the full council report.', 'link'],
    ['a "More:" link line', 'More:Ferry fares rise again as the pier stays shut', 'boilerplate'],
    ['a "See photos:" link line', 'See photos: The storm that closed the pier', 'boilerplate'],
    ['a headline with its "Read more" link', "Harbour council delays the ferry vote for a third time Read more", 'link'],
    ['a pointer to a graphic', '(Open exmpl.rs/2AbCd in an external browser for an interactive map)', 'link'],
    ['only the "[Read more: ...]" link inside a paragraph',
      'The vote passed by seven to two. [Read more: Ferry fares to rise in spring] Two members abstained.',
      'link', '[Read more: Ferry fares to rise in spring]'],
    ['only the "(RELATED: ...)" link inside a paragraph',
      'The vote passed by seven to two. (RELATED: Ferry Fares To Rise In Spring) Two members abstained.',
      'link', '(RELATED: Ferry Fares To Rise In Spring)'],
  ], 'middle');

  it('drops each link card inside a paragraph (a full name glued to other headlines, "... MORE"), and only the cards', () => {
    const line = 'Mayor Ana Brell Ana Sofia BrellCouncil delays ferry vote Harbour fees rise again MORE said on Monday that Councillor Jon McKay Jonathan Lee McKay2024 budget talks stall MORE\'s plan would fail.';
    const text = [BODY[0], BODY[1], line, BODY[2]].join('\n\n');
    const cleaned = clean(article(text));
    expect(cleaned.dropped.map((d) => [d.reason, d.text])).toEqual([
      ['link', 'Ana Sofia BrellCouncil delays ferry vote Harbour fees rise again MORE'],
      ['link', 'Jonathan Lee McKay2024 budget talks stall MORE'],
    ]);
    for (const d of cleaned.dropped) expect(text.slice(d.start, d.end)).toBe(d.text);
    // A camel-cased name ("McKay") with no card after it, and "MORE" in a sentence, are text.
    const plain = [BODY[0], 'Councillor Jon McKay said the fees would rise. NO MORE delays, the sign read.', BODY[1]].join('\n\n');
    expect(clean(article(plain)).dropped).toEqual([]);
  });

  it('keeps the rest of a line around a dropped link as its own sentences, in the same paragraph', () => {
    const text = [BODY[0], 'The vote passed by seven to two. (RELATED: Ferry Fares To Rise In Spring) Two members abstained, the clerk said.', BODY[1]].join('\n\n');
    const analysed = analyzeArticle(article(text));
    expect(analysed.sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, BODY[0]],
      [1, 'The vote passed by seven to two.'],
      [1, 'Two members abstained, the clerk said.'],
      [2, BODY[1]],
    ]);
    // A caption dropped from the start of a line: the rest of that line is a paragraph of its own.
    const captioned = [BODY[0], 'Boats moored by the pier. | Ana Brell/Getty Images The council will meet again next week.', BODY[1]].join('\n\n');
    expect(analyzeArticle(article(captioned)).sentences.map((s) => s.paragraph)).toEqual([0, 1, 2]);
  });

  it('drops a "READ MORE:" heading and the headlines listed under it, and stops at the body', () => {
    const lines = [...BODY.slice(0, 2), 'READ MORE:', 'Ferry fares to rise in spring', 'Lighthouse reopens after storm damage', ...BODY.slice(2)];
    const cleaned = clean(article(lines.join('\n\n')));
    expect(cleaned.dropped.map((d) => d.text)).toEqual(['READ MORE:', 'Ferry fares to rise in spring', 'Lighthouse reopens after storm damage']);
    expect(cleaned.dropped.slice(1).map((d) => d.reason)).toEqual(['link', 'link']);
  });
});

describe('clean: author boxes at the end', () => {
  dropsExactly([
    ['a biography of the writer', 'Jonas Vell is a reporter for the Harbour Gazette covering the coast.', 'author-box'],
    ['a "Follow her on Twitter" line', 'Follow her on Twitter @jvell_writes', 'author-box'],
    ['a "Follow Name on Twitter" line', 'Follow Jonas Vell on Twitter.', 'author-box'],
    ['a contact line', 'Jonas Vell can be reached at jvell@example.org.', 'author-box'],
    ['a dash-led columnist note', '— Erin Mott is a senior fellow at the Coastal Policy Institute.', 'author-box'],
    ['a "Contributing:" credit', 'Vell and Mott reported from Porto, Me. Contributing: Ana Brell', 'byline'],
    ['a bare "contributed" credit', 'Ana Brell contributed', 'byline'],
    ['a "Read or Share this story" line', 'Read or Share this story: https://exmpl.ly/2xYz', 'boilerplate'],
    ['a "Click for more from ..." line', 'Click for more from the Harbour Gazette.', 'boilerplate'],
    ['a call to write in', 'Let us know what you think at harbour@example.org.', 'boilerplate'],
    ['a video player\'s text', 'JUST WATCHED Pier closes for repairs Replay More Videos ... MUST WATCH Pier closes for repairs 01:12', 'boilerplate'],
    ['an app promotion in capitals', 'STAY UP TO DATE WITH THE FREE HARBOUR NEWS APP', 'boilerplate'],
  ], 'end');
});

describe('clean: what must stay', () => {
  it.each([
    ['a quoted person described in the last paragraph', 'Mira Halden is a former engineer who led the last repair of the pier in 2009.'],
    ['a sentence that mentions a handle while reporting', 'Tova Renn (@tovarenn) said on Tuesday that the fishermen would appeal.'],
    ['a sentence about a photo', 'Councillors were shown a photo of the cracked pillars before the vote.'],
    ['a sentence about following a story', 'Residents said they would follow the repairs closely.'],
    ['a sentence that names a news agency', 'The port authority told Reuters that inspections found rust in the pillars.'],
    ['a sentence that ends with a parenthesis', 'The vote was delayed by the harbour master (Ana Brell).'],
    ['a sentence that asks readers to read more', 'Residents can read more about the repairs on the council website.'],
  ])('keeps %s', (_label, line) => {
    const cleaned = clean(article([...BODY, line].join('\n\n')));
    expect(cleaned.dropped).toEqual([]);
  });
});

describe('clean: a person introduced at the end of the story stays', () => {
  it('keeps "Name is a professor ..." when the story quotes that person', () => {
    const lines = [...BODY, 'Lena Osk is a professor of coastal engineering at the regional university.', '"The pillars can be saved," Osk said.'];
    expect(clean(article(lines.join('\n\n'))).dropped).toEqual([]);
  });
});

describe('dropped furniture never becomes a claim', () => {
  it('leaves no attribution or claim inside an embedded post, a caption or an author box', () => {
    const text = [
      BODY[0],
      'The pier has been unsafe for years, the mayor admitted. — Tova Renn (@tovarenn) March 5, 2024',
      'Mira Halden said the work would start in May. (Photo: Piet Ores, AP)',
      ...BODY.slice(1),
      'Jonas Vell is a reporter for the Harbour Gazette. Follow him on Twitter @jvell_writes',
    ].join('\n\n');
    const cleaned = clean(article(text));
    expect(cleaned.dropped.map((d) => d.reason)).toEqual(['embed', 'caption', 'author-box']);
    const analysed = analyzeArticle(cleaned, { clean: false });
    const inside = (start: number) => cleaned.dropped.some((d) => start >= d.start && start < d.end);
    for (const s of analysed.sentences) expect(inside(s.start), s.text).toBe(false);
    expect(analysed.attributions.length).toBeGreaterThan(0);
    for (const a of analysed.attributions) expect(a.content.some((c) => inside(c.start))).toBe(false);
  });
});

describe('an HTML page\'s embedded post', () => {
  it('keeps the post\'s sign-off with its text (reader view), so the post is dropped as an embed', () => {
    const paragraphs = BODY.map((p) => `<p>${p}</p>`);
    const html = `<!doctype html><html><head><title>Pier</title></head><body><article><h1>Council closes the pier</h1>
${paragraphs.slice(0, 2).join('\n')}
<blockquote class="twitter-tweet"><p lang="en">Six months of repairs means a lost season for the boats.</p>&mdash; Tova Renn (@tovarenn) <a href="#">March 5, 2024</a></blockquote>
${paragraphs.slice(2).join('\n')}
<figure><img src="pier.jpg"><figcaption>Boats moored by the pier on Sunday. (Photo: Ana Brell, AP)</figcaption></figure>
</article></body></html>`;
    const view = readerView(html);
    expect(view?.text).toContain('Six months of repairs means a lost season for the boats. — Tova Renn (@tovarenn) March 5, 2024');
    const cleaned = clean(article(view?.text ?? ''));
    expect(cleaned.dropped.map((d) => [d.reason, d.text.slice(0, 20)])).toEqual([['embed', 'Six months of repair'], ['caption', 'Boats moored by the ']]);
  });
});
