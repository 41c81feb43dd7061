// `eval narratives`: the metric functions by hand, the gold format's errors, scoring a hand-made
// report against the shipped crocus gold file (every figure worked out by hand), and the CLI on
// the two gold files of test/fixtures/narratives-gold (the shipped illustrative corpora).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DivergenceReport, ReportClaim, ReportNarrative } from '../src/08-report/types.js';
import { aligns, bcubed, checkGold, claimKey, claimSetKeys, fixedSetItems, freezeClaimSet, GOLD_CORPORA, GoldArticleSource, loadGoldDir, nameKey, parseGold, poolCounts, prf, sameActor, scoreEvent, scoresOf, type GoldSpan } from '../src/eval/narratives/index.js';
import { runCli } from './support/cli.js';
import { ROOT } from './support/paths.js';

const HAS_CORPORA = Object.values(GOLD_CORPORA).every((p) => existsSync(join(ROOT, p)));
if (!HAS_CORPORA) console.warn('narrascope tests: ../shared/corpora (triplets, BASIL) not found; the check of data/gold/narratives is skipped.');
import { tempDir, writeTemp } from './support/temp.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'narratives-gold');
const CROCUS = join(FIXTURES, 'crocus-outlets.json');
const crocus = (): ReturnType<typeof parseGold> => parseGold(CROCUS, readFileSync(CROCUS, 'utf8'));

describe('metric functions', () => {
  it('B-cubed on a tiny case, by hand', () => {
    // clusters X = {a1, a2, b1}, Y = {b2}; classes a = {a1, a2}, b = {b1, b2}
    // precision: a1 2/3, a2 2/3, b1 1/3, b2 1 -> 8/3 / 4 = 0.6667; recall: a1 1, a2 1, b1 1/2, b2 1/2 -> 0.75
    const r = bcubed([{ gold: 'a', predicted: 'X' }, { gold: 'a', predicted: 'X' }, { gold: 'b', predicted: 'X' }, { gold: 'b', predicted: 'Y' }]);
    expect(r.precision).toBeCloseTo(2 / 3, 10);
    expect(r.recall).toBeCloseTo(0.75, 10);
    expect(r.f1).toBeCloseTo((2 * (2 / 3) * 0.75) / (2 / 3 + 0.75), 10);
    expect(bcubed([{ gold: 'a', predicted: 'X' }, { gold: 'b', predicted: 'Y' }])).toEqual({ precision: 1, recall: 1, f1: 1, items: 2 });
    expect(bcubed([])).toEqual({ precision: 0, recall: 0, f1: 0, items: 0 });
  });

  it('P/R/F1 from counts, 0 when undefined', () => {
    expect(prf(2, 3, 1, 1)).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8 });
    expect(prf(0, 0, 0, 0)).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it.each([
    [{ articleId: 'a', start: 10, end: 20 }, { articleId: 'a', start: 0, end: 100 }, true], // inside the gold sentence
    [{ articleId: 'a', start: 90, end: 130 }, { articleId: 'a', start: 0, end: 100 }, false], // 10 of 40 shared
    [{ articleId: 'a', start: 80, end: 120 }, { articleId: 'a', start: 0, end: 100 }, true], // 20 of 40: half
    [{ articleId: 'b', start: 10, end: 20 }, { articleId: 'a', start: 0, end: 100 }, false],
  ])('aligns(%j, %j) = %s', (tool, gold, expected) => expect(aligns(tool, gold)).toBe(expected));

  it('matches actors by name or alias, loosely', () => {
    expect(nameKey("The Kremlin's")).toBe('kremlin');
    expect(sameActor(['Dmitry Peskov', 'Peskov'], ['peskov'])).toBe(true);
    expect(sameActor(['Vladimir Putin'], ['Putin'])).toBe(false); // aliases must be listed in gold
  });
});

describe('gold files', () => {
  it('name the file and the field of a schema error', () => {
    const raw = JSON.parse(readFileSync(CROCUS, 'utf8')) as { questions: { narratives: { claims: Record<string, unknown>[] }[] }[] };
    delete raw.questions[0]?.narratives[0]?.claims[1]?.['hint'];
    expect(() => parseGold('bad.json', JSON.stringify(raw))).toThrow(/gold bad\.json field "questions\.0\.narratives\.0\.claims\.1\.hint"/);
    expect(() => parseGold('x.json', '{')).toThrow(/gold x\.json: not JSON/);
  });

  it('are checked against the texts: hints, offsets, omissions', async () => {
    const file = crocus();
    const articles = await new GoldArticleSource({}, ROOT).articlesOf(file.gold);
    expect(checkGold(file, articles)).toEqual([]);
    const n1 = file.gold.questions[0]?.narratives[0];
    if (!n1) throw new Error('fixture changed');
    const moved = { ...file, gold: { ...file.gold, questions: [{ ...file.gold.questions[0]!, narratives: [{ ...n1, claims: [{ ...n1.claims[0]!, start: n1.claims[0]!.start + 40 }], omittedBy: [] }] }] } };
    const messages = checkGold(moved, articles).map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/field "questions\.0\.narratives\.0\.claims\.0\.hint": "Islamic State's Afghan affiliate carried out" does not occur/));
    expect(messages).toContainEqual(expect.stringMatching(/field "questions\.0\.narratives\.0\.omittedBy": outlets without a span of this narrative are \[Gulf Monitor\]/));
    const unbacked = { ...file, gold: { ...file.gold, questions: [{ ...file.gold.questions[0]!, narratives: [{ ...n1, backers: n1.backers.filter((b) => b !== 'kirby') }] }] } };
    expect(checkGold(unbacked, articles).map((e) => e.message)).toContainEqual(expect.stringMatching(/claims\.1\.speaker": "kirby" speaks this claim but is not among the backers/));
  });
});

describe.skipIf(!HAS_CORPORA)('the gold set in data/gold/narratives', () => {
  it('holds at least 15 events, 9 of them final, every span checked against ../shared', async () => {
    const source = new GoldArticleSource({}, ROOT);
    const dev = await loadGoldDir(join(ROOT, 'data', 'gold', 'narratives', 'dev'));
    const final = await loadGoldDir(join(ROOT, 'data', 'gold', 'narratives', 'final'));
    expect(final.length).toBe(9);
    expect(dev.length + final.length).toBeGreaterThanOrEqual(15);
    for (const file of [...dev, ...final]) expect(checkGold(file, await source.articlesOf(file.gold)).map((e) => e.message)).toEqual([]);
  });
});

describe('scoreEvent on a hand-made report', () => {
  const gold = crocus().gold;
  const [n1, n2] = gold.questions[0]?.narratives ?? [];
  if (!n1 || !n2) throw new Error('fixture changed');
  let next = 0;
  const claim = (s: GoldSpan, trim = 0): ReportClaim => ({ id: `c${next++}`, articleId: s.article, start: s.start + trim, end: s.end - trim, text: '', stance: 'asserts', voice: 'attributed', role: 'tells', polarity: 1 });
  const narrative = (id: string, claims: ReportClaim[], backers: string[], disputers: string[] = []): ReportNarrative => ({ id, event: 'e1', question: 'e1.q1', answer: id, label: id, claims, backers, disputers, outlets: [] });
  const outlet = (name: string, omitted: string[]): DivergenceReport['outlets'][number] => ({ outlet: name, event: 'e1', articles: 1, shares: {}, omitted, coverage: {}, framing: [], voice: {}, distancing: [], prominence: [] });
  const actor = (id: string, name: string, aliases: string[] = []): DivergenceReport['actors'][number] => ({ id, name, kind: 'person', aliases, labels: [] });
  // T1: Kirby's and ISIS-K's claims (n1) with the Russian officials' allegation (n2); T2: two n2
  // claims, one cut short at both ends; T3: US officials (n1); T4: the denials of n2 only.
  const report: DivergenceReport = {
    generatedAt: '', events: [], articles: [], attributions: [], figures: [], questions: [], background: [], divergence: { overall: 0, method: '', pairs: [] },
    actors: [actor('A1', 'John Kirby', ['Kirby']), actor('A2', 'Aleksandr Bortnikov'), actor('A3', 'Vladimir Putin'), actor('A4', 'Ukraine', ['Kyiv']), actor('A5', 'Maria Zakharova')],
    narratives: [
      narrative('T1', [claim(n1.claims[1]!), claim(n1.claims[2]!), claim(n2.claims[0]!)], ['A1', 'A2'], ['A5']),
      narrative('T2', [claim(n2.claims[2]!, 10), claim(n2.claims[3]!)], ['A2', 'A3']),
      narrative('T3', [claim(n1.claims[3]!)], []),
      narrative('T4', [claim(n2.disputes[0]!), claim(n2.disputes[2]!)], ['A1', 'A4']),
    ],
    conflicts: [{ a: 'T1', b: 'T2', reason: '', evidence: [] }, { a: 'T2', b: 'T4', reason: '', evidence: [] }, { a: 'T1', b: 'T3', reason: '', evidence: [] }],
    outlets: [outlet('Gulf Monitor', ['T1', 'T2']), outlet('Atlantic Courier', ['T2']), outlet('Eastern Herald', ['T4'])],
  };
  const counts = scoreEvent(gold, report);
  const scores = scoresOf(counts);

  it('lists the missed gold claims and the mapping of each tool narrative', () => {
    expect(counts.details.missed).toHaveLength(9);
    expect(counts.details.missed[0]).toMatchObject({ narrative: 'n1', hint: "Islamic State's Afghan affiliate carried out" });
    expect(counts.details.mapping).toEqual({ T1: 'n1', T2: 'n2', T3: 'n1', T4: '¬n2' });
  });

  it('extracted share and B-cubed on the extracted gold claims', () => {
    // 15 gold claims, 6 extracted: n1 -> T1, T1, T3; n2 -> T1, T2, T2.
    // P: T1 holds (n1, n1, n2): 2/3, 2/3, 1/3; T3 1; T2 1, 1 -> 14/3 / 6 = 0.778
    // R: n1 (T1, T1, T3): 2/3, 2/3, 1/3; n2 (T1, T2, T2): 1/3, 2/3, 2/3 -> 10/3 / 6 = 0.556
    expect(scores.goldClaims).toBe(15);
    expect(scores.extracted).toBe(0.4);
    expect(scores.bcubed).toEqual({ precision: 0.778, recall: 0.556, f1: 0.648 });
  });

  it('fixed-set B-cubed: the lost claims of the set as singletons, extracted claims outside it unscored', () => {
    // Set: n1's claims 0 (missed), 1 (T1); n2's claims 1 (missed), 2 and 3 (both T2). n1's claims
    // 2 (T1), 3 (T3) and n2's claim 0 (T1) are extracted but not in the set.
    const key = (n: string, s: GoldSpan): string => `${gold.event}/${claimKey(n, s)}`;
    const set = new Set([key('n1', n1.claims[0]!), key('n1', n1.claims[1]!), key('n2', n2.claims[1]!), key('n2', n2.claims[2]!), key('n2', n2.claims[3]!)]);
    // Clusters T1 {n1}, lost {n1}, T2 {n2, n2}, lost {n2}: all pure, P 1. R: n1 1/2, 1/2; n2 2/3,
    // 2/3, 1/3 -> 8/3 / 5 = 0.533; F1 0.696. 3 of the 5 are still extracted.
    expect(scoresOf(counts, set).fixedSet).toEqual({ claims: 5, kept: 0.6, bcubed: { precision: 1, recall: 0.533, f1: 0.696 } });
    // Without a set there is no fixed-set score; the ordinary B-cubed does not depend on the set.
    expect(scores.fixedSet).toBeNull();
    expect(scoresOf(counts, set).bcubed).toEqual(scores.bcubed);
  });

  it('a set frozen from this run gives the ordinary B-cubed, also pooled over events', () => {
    const frozen = freezeClaimSet([{ event: gold.event, claims: counts.claims }], 'this test');
    expect(frozen.events[gold.event]).toHaveLength(6);
    expect(frozen.events[gold.event]).toEqual([...(frozen.events[gold.event] ?? [])].sort());
    const set = claimSetKeys(frozen);
    expect(scoresOf(counts, set).fixedSet).toEqual({ claims: 6, kept: 1, bcubed: scores.bcubed });
    expect(scoresOf(poolCounts([{ event: gold.event, counts }]), set).fixedSet).toEqual({ claims: 6, kept: 1, bcubed: scores.bcubed });
  });

  it('conflicts: a gold pair and a narrative against its own denial are right, n1 against n1 is not', () => {
    expect(scores.conflicts).toEqual({ precision: 0.667, recall: 1, f1: 0.8, tool: 3, gold: 1 });
  });

  it('backers and disputers by name, a denial narrative\'s backers judged as disputers', () => {
    // backers: T1 Kirby (right) Bortnikov (wrong), T2 Bortnikov, Putin (right): 3/4; found 1 of n1's 3 + 2 of n2's 3
    expect(scores.backers).toEqual({ accuracy: 0.75, recall: 0.5, tool: 4, gold: 6 });
    // disputers: T1 Zakharova (n1), T4's backers Kirby and Ukraine (n2): 3/3; found 1 of 2 + 2 of 2
    expect(scores.disputers).toEqual({ accuracy: 1, recall: 0.75, tool: 3, gold: 4 });
  });

  it('omissions, and narratives per event', () => {
    // Gulf Monitor omits T1 (n1) and T2 (n2): right; Atlantic Courier omits T2: wrong; Eastern
    // Herald omits T4 (the denials of n2, which it does not carry): right.
    expect(scores.omissions).toEqual({ precision: 0.75, recall: 1, tool: 4, gold: 2 });
    expect(scores.narratives).toEqual({ tool: 4, gold: 6, ratio: 0.667, questions: 4 });
  });
});

describe('B-cubed on a fixed claim set', () => {
  it('scores exactly the claims of the set: a lost one alone, one outside the set not at all', () => {
    const claims = [
      { key: 'a', gold: 'n1', predicted: 'T1' },
      { key: 'b', gold: 'n1', predicted: null }, // in the set, no longer extracted
      { key: 'c', gold: 'n2', predicted: 'T1' }, // extracted, outside the set
      { key: 'd', gold: 'n2', predicted: null }, // lost too: its own cluster, not b's
    ];
    expect(fixedSetItems(claims, new Set(['a', 'b', 'd']))).toEqual([
      { gold: 'n1', predicted: 'T1' }, { gold: 'n1', predicted: '#lost:b' }, { gold: 'n2', predicted: '#lost:d' },
    ]);
    // P: three pure clusters, 1; R: a and b each 1/2 of n1, d all of n2: (1/2 + 1/2 + 1) / 3
    expect(bcubed(fixedSetItems(claims, new Set(['a', 'b', 'd'])))).toMatchObject({ precision: 1, recall: 2 / 3 });
  });
});

describe('mapping a tool narrative to gold', () => {
  const gold = crocus().gold;
  const [n1, n2] = gold.questions[0]?.narratives ?? [];
  if (!n1 || !n2) throw new Error('fixture changed');
  const claim = (s: GoldSpan, role: ReportClaim['role']): ReportClaim => ({ id: `${s.start}`, articleId: s.article, start: s.start, end: s.end, text: '', stance: 'asserts', voice: 'attributed', role, polarity: 1 });
  const mapOf = (claims: ReportClaim[]): string | undefined => scoreEvent(gold, {
    generatedAt: '', events: [], articles: [], attributions: [], figures: [], questions: [], background: [], divergence: { overall: 0, method: '', pairs: [] },
    actors: [], conflicts: [], outlets: [], narratives: [{ id: 'T', event: 'e1', question: 'q', answer: '', label: '', claims, backers: [], disputers: [], outlets: [] }],
  }).details.mapping['T'];
  it('is what its telling claims say: claims of a rival answer disputing it do not vote', () => {
    // One n1 claim told, two n2 claims disputing it: the narrative is n1, disputed by n2's side.
    expect(mapOf([claim(n1.claims[1]!, 'tells'), claim(n2.claims[2]!, 'disputes'), claim(n2.claims[3]!, 'disputes')])).toBe('n1');
  });
  it('a gold dispute of G disputing it votes for G', () => {
    expect(mapOf([claim(n2.disputes[0]!, 'disputes'), claim(n2.disputes[2]!, 'disputes')])).toBe('n2');
    expect(mapOf([claim(n2.disputes[0]!, 'tells')])).toBe('¬n2');
  });
});

describe('narrascope eval narratives (CLI) on the shipped gold fixtures', () => {
  it('scores both events and agrees with compare on the number of narratives', () => {
    const run = runCli(['eval', 'narratives', '--gold', 'test/fixtures/narratives-gold', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { events: { event: string; goldClaims: number; extracted: number; narratives: { tool: number; gold: number }; bcubed: { f1: number } }[]; problems: string[] };
    expect(report.problems).toEqual([]);
    expect(report.events.map((e) => [e.event, e.goldClaims, e.narratives.gold])).toEqual([['crocus-outlets', 15, 6], ['seed-crocus', 7, 3]]);
    for (const e of report.events) {
      expect(e.extracted).toBeGreaterThan(0);
      expect(e.bcubed.f1).toBeGreaterThan(0);
    }
    // The scorer runs compare's pipeline: the same files through `compare` give as many narratives.
    const paths = (JSON.parse(readFileSync(CROCUS, 'utf8')) as { source: { paths: string[] } }).source.paths;
    const compare = runCli(['compare', ...paths, '--format', 'json']);
    expect(compare.status).toBe(0);
    expect((JSON.parse(compare.stdout) as DivergenceReport).narratives.length).toBe(report.events[0]?.narratives.tool);
  });

  it('scores a fixed claim set given with --claim-set, and flags a key the gold no longer has', () => {
    const dir = tempDir();
    const seed = parseGold('seed-crocus.json', readFileSync(join(FIXTURES, 'seed-crocus.json'), 'utf8')).gold;
    // The whole gold as the set: every claim is scored, so "kept" is the extracted share.
    const keys = seed.questions.flatMap((q) => q.narratives).flatMap((n) => n.claims.map((c) => claimKey(n.id, c)));
    const set = { schema: 'narrascope-claim-set/1', reference: 'test', rule: 'all gold claims', events: { [seed.event]: keys } };
    writeTemp(dir, 'set.json', JSON.stringify(set));
    const run = runCli(['eval', 'narratives', '--gold', 'test/fixtures/narratives-gold', '--event', 'seed-crocus', '--claim-set', join(dir, 'set.json'), '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { events: { extracted: number; bcubed: { recall: number }; fixedSet: { claims: number; kept: number; bcubed: { recall: number } } }[]; claimSet: { reference: string } };
    const e = report.events[0]!;
    expect(report.claimSet.reference).toBe('test');
    expect(e.fixedSet.claims).toBe(7);
    expect(e.fixedSet.kept).toBe(e.extracted);
    expect(e.fixedSet.bcubed.recall).toBeLessThanOrEqual(e.bcubed.recall);
    writeTemp(dir, 'stale.json', JSON.stringify({ ...set, events: { [seed.event]: [...keys, 'n9@seed:0-5'] } }));
    const stale = runCli(['eval', 'narratives', '--gold', 'test/fixtures/narratives-gold', '--event', 'seed-crocus', '--claim-set', join(dir, 'stale.json')]);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toMatch(/fix F1/);
    expect(stale.stdout).toMatch(/1 claim\(s\) of event seed-crocus are no longer gold claims \(first: seed-crocus\/n9@seed:0-5\)/);
  });

  it('prints a table, and reports a broken gold file by file and field while scoring the rest', () => {
    const dir = tempDir();
    writeTemp(dir, 'a-good.json', readFileSync(join(FIXTURES, 'seed-crocus.json'), 'utf8'));
    const broken = JSON.parse(readFileSync(CROCUS, 'utf8')) as { questions: { narratives: { claims: { end: number }[] }[] }[] };
    broken.questions[0]!.narratives[0]!.claims[0]!.end = 99_999;
    writeTemp(dir, 'b-broken.json', JSON.stringify(broken));
    writeTemp(dir, 'c-bad-schema.json', JSON.stringify({ ...broken, conflicts: [{ a: 'n1', b: 'n2', kind: 'maybe' }] }));
    const run = runCli(['eval', 'narratives', '--gold', dir]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^seed-crocus\s+7\s/m);
    expect(run.stdout).toMatch(/b-broken\.json field "questions\.0\.narratives\.0\.claims\.0\.end": 99999 is past the end of the text \(737\)/);
    expect(run.stdout).toMatch(/c-bad-schema\.json field "conflicts\.0\.kind"/);
    expect(runCli(['eval', 'narratives', '--gold', 'test/fixtures/narratives-gold', '--check']).stdout).toBe('ok: gold files of test/fixtures/narratives-gold checked\n');
    expect(runCli(['eval', 'narratives']).stderr).toMatch(/needs --gold DIR/);
    const one = runCli(['eval', 'narratives', '--gold', 'test/fixtures/narratives-gold', '--event', 'seed-crocus']);
    expect(one.stdout).toMatch(/: 1 events,/);
    expect(one.stdout).not.toMatch(/crocus-outlets/);
  });
});
