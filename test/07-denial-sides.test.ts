// A denial whose speaker gives an answer of their own is the other side of a yes/no question
// (issue 13: a denial joins the narrative it denies as a disputer, and is a side of its own only
// when it asserts an alternative). Made-up sentences; `src/07-narratives/denial-sides.ts`.
import { describe, expect, it } from 'vitest';
import { backing, buildGraph, buildNarratives, eventClaims, mergeActors, splitAnsweredDenials, type Side } from '../src/07-narratives/index.js';
import type { SideConflict } from '../src/07-narratives/sides.js';
import { analyzeArticle } from '../src/pipeline/analyze-article.js';
import type { AnalyzedArticle, NarrativeAnalysis } from '../src/types/index.js';

const article = (id: string, text: string): AnalyzedArticle => analyzeArticle({ id, outlet: id, date: null, title: null, url: null, text, dropped: [] });

const ACCUSATION = [
  article('Daily Ledger', 'Councilwoman Ann Cole said the new parking contract will raise fees for residents across the city.'),
  article('City Post', 'Cole said the parking contract will raise fees for residents.'),
];
const DENIAL = article('Harbor News', 'Mayor Bob Diaz denied that the parking contract will raise fees for residents.');

/** Names of the narratives' backers and disputers, and the conflicts as pairs of backer lists. */
function read(analysis: NarrativeAnalysis, articles: readonly AnalyzedArticle[]) {
  const actors = mergeActors(articles);
  const name = (id: string): string => actors.actors.find((a) => a.id === id)?.name ?? id;
  const byId = new Map(analysis.narratives.map((n) => [n.id, n]));
  const backers = (id: string): string => (byId.get(id)?.backers ?? []).map(name).sort().join(', ');
  return {
    narratives: analysis.narratives.map((n) => ({ backers: n.backers.map(name).sort(), disputers: n.disputers.map(name).sort(), disputing: n.disputingClaimIds.length })),
    conflicts: analysis.conflicts.map((c) => [backers(c.a), backers(c.b)].sort()),
  };
}

describe('7.9b answered denials', () => {
  it.each([
    {
      rule: 'the denier says what is true instead: the denial is the "no" side, in conflict with the accusation',
      denier: [DENIAL, article('Metro Wire', 'Diaz said the parking contract keeps fees for residents at their current level.')],
      conflicts: [['Ann Cole', 'Bob Diaz']], diazNarrative: true,
    },
    {
      rule: 'a bare denial stays a disputing claim of what it denies',
      denier: [DENIAL],
      conflicts: [], diazNarrative: false,
    },
    {
      rule: 'a denier who asserts nothing else on the matter (only another denial) gives no answer',
      denier: [DENIAL, article('Metro Wire', 'Diaz said he will not run for governor next year.')],
      conflicts: [], diazNarrative: false,
    },
  ])('$rule', ({ denier, conflicts, diazNarrative }) => {
    const articles = [...ACCUSATION, ...denier];
    const result = read(buildNarratives(articles, mergeActors(articles), 'e1'), articles);
    expect(result.conflicts).toEqual(conflicts);
    const cole = result.narratives.find((n) => n.backers.includes('Ann Cole'));
    expect(cole?.disputers).toContain('Bob Diaz');
    expect(result.narratives.some((n) => n.backers.includes('Bob Diaz'))).toBe(diazNarrative);
    // The denial is either Cole's disputing claim or a telling claim of Diaz's side, never both.
    expect(cole?.disputing).toBe(diazNarrative ? 0 : 1);
  });

  // The rule itself, on sides placed by hand (the clustering often puts a speaker's denial and
  // answer together already): Cole's side with Diaz's denial as its disputing claim, Diaz's answer
  // in a side of its own that is not (yet) a narrative.
  const sentences = [
    'Councilwoman Ann Cole said the new parking contract will raise fees for residents across the city.',
    'Mayor Bob Diaz denied that the parking contract will raise fees for residents.',
  ];
  it.each([
    { rule: 'the answer leans towards the denial: the denial joins it, a narrative in conflict with Cole', other: 'Diaz said the parking contract keeps fees for residents at their current level.', moved: true },
    { rule: 'the other claim is itself a denial: no answer, nothing moves', other: 'Diaz said he will not run for governor next year.', moved: false },
  ])('by hand: $rule', ({ other, moved }) => {
    const articles = [...sentences, other].map((text, k) => article(`o${k}`, text));
    const { claims, features } = eventClaims(articles, mergeActors(articles), 'e1');
    expect(claims.map((c) => c.stance)).toEqual(['asserts', 'denies', 'asserts']);
    const graph = buildGraph(features, {});
    const weight = (i: number, j: number): number => graph.weights[i * graph.size + j] ?? 0;
    const sides: Side[] = [
      { cluster: 0, telling: [0], disputing: [1], disputedBy: new Set([1]) },
      { cluster: 1, telling: [2], disputing: [], disputedBy: new Set() },
    ];
    const kept = [true, false];
    const reasons: (string | null)[] = [null, 'uncontested, one outlet'];
    const conflicts: SideConflict[] = [];
    splitAnsweredDenials(sides, kept, reasons, conflicts, { claims, features, contradictions: graph.contradictions, weight, backing });
    expect(sides[1]?.telling).toEqual(moved ? [2, 1] : [2]);
    expect(sides[0]?.disputing).toEqual(moved ? [] : [1]);
    expect(sides[0]?.disputedBy.has(1)).toBe(true); // Diaz still disputes Cole's side
    expect(kept).toEqual([true, moved]);
    expect(conflicts.map((c) => [c.a, c.b])).toEqual(moved ? [[0, 1]] : []);
  });
});
