/**
 * Every stated omission, every gold omission and every judged backer and disputer of a gold
 * folder, with its verdict and, when wrong or missed, why (dev only: never run it on the held-back
 * final half while tuning):
 *
 *   npx tsx scripts/omission-errors.ts data/gold/narratives/dev [--loo] [--list] [--only EVENT] [--candidates] [--oracle]
 *
 * `--loo` scores each event with a pair model trained on the other events (the items behind
 * `npm run train:narratives -- --no-write`); without it the shipped model is used (the items
 * behind `eval narratives`). Omissions: right, or wrong because the tool narrative maps to no gold
 * narrative or to background, because the outlet carries the gold narrative in claims the tool put
 * in another narrative, in the background or in none, or because the outlet carries only the rival
 * side (which gold does count as an omission, so that one is right). Gold omissions of covered
 * narratives: found, or why not (coverage `tells`/`disputes`/`discusses`, or `omits` but the
 * outlet names a backer). `--candidates` prints one row per (outlet, narrative) the outlet has no
 * claim in, with the evidence each rule reads (`side` and `sibling`: the whole-side tests of
 * `src/08-report/whole-sides.ts`), to try a rule on all of them before writing it. `--oracle` also
 * merges every reported narrative into its gold narrative and counts the stated omissions again
 * (scripts/omission-oracle.ts): how the rules do on whole sides.
 */
import { buildReport } from '../src/08-report/index.js';
import { coverageEvidence, distinctiveActors, type CoverageEvidence } from '../src/08-report/coverage.js';
import { namedIn as namedInText, reportedOmissions, voicedOutlets } from '../src/08-report/omissions.js';
import { claimVectorsById, sideSized, toldParaphrase } from '../src/08-report/whole-sides.js';
import { loadEmbeddings } from '../src/adapters/embeddings.js';
import { buildNarratives, claimRelations, mergeActors, type PairModel, type RelationProbabilities } from '../src/07-narratives/index.js';
import { analyze } from '../src/pipeline/analyze.js';
import { checkGold, goldName, loadGoldDir } from '../src/eval/narratives/gold-load.js';
import { GoldArticleSource } from '../src/eval/narratives/gold-sources.js';
import { aligns } from '../src/eval/narratives/metrics.js';
import { scoreEvent } from '../src/eval/narratives/score.js';
import type { GoldEvent } from '../src/eval/narratives/gold-schema.js';
import type { AnalyzedArticle, NarrativeAnalysis, NarrativeClaim } from '../src/types/index.js';
import { pairRows, trainPairModel, type PairRows } from './loo-pair-models.js';
import { oracleOmissions } from './omission-oracle.js';
import { CategoryCounts, claimSpan, errorArgs, statedOmissions, short, spanOf, wrongActor, actorChecks, eventIndex } from './error-listing.js';

const { dir, list, only, has } = errorArgs('omission-errors');
const loo = has('--loo');
const candidates = has('--candidates');
const oracle = has('--oracle');
const oracleTotals = { stated: 0, right: 0, statedNoWhole: 0, rightNoWhole: 0, gold: 0, found: 0 };
const counter = new CategoryCounts();
const { count } = counter;


// Load and analyse every event first (the leave-one-out models need all events' pairs).
const files = (await loadGoldDir(dir)).filter((f) => !only || f.gold.event === only || goldName(f.file) === only);
const all = (await loadGoldDir(dir));
const source = new GoldArticleSource({});
const relations = claimRelations();
interface Loaded { readonly gold: GoldEvent; readonly analysed: AnalyzedArticle[]; readonly rows: PairRows | null }
const loaded: Loaded[] = [];
for (const file of loo ? all : files) {
  const articles = await source.articlesOf(file.gold);
  if (checkGold(file, articles).length > 0) continue;
  const analysed: AnalyzedArticle[] = [];
  for await (const r of analyze(articles)) analysed.push(r);
  loaded.push({ gold: file.gold, analysed, rows: loo ? pairRows(file.gold, analysed) : null });
}

const totals = { omissions: { all: 0, right: 0 }, goldOmissions: { all: 0, found: 0 }, backers: { all: 0, right: 0 }, disputers: { all: 0, right: 0 } };
for (const held of loaded) {
  const { gold, analysed } = held;
  if (!files.some((f) => f.gold.event === gold.event)) continue;
  const pairModel: PairModel | undefined = loo ? trainPairModel(loaded.filter((e) => e !== held).map((e) => e.rows as PairRows)) : undefined;
  let analysis: NarrativeAnalysis | undefined;
  const report = buildReport(analysed, {
    eventOf: () => gold.event, now: new Date(0), relations,
    narrativesOf: (event, live) => (analysis = buildNarratives(live, mergeActors(live), event, { relations, ...(pairModel ? { pairModel } : {}) })),
  });
  if (!analysis) continue;
  const a = analysis;
  const { mapping } = scoreEvent(gold, report).details;
  const goldNarratives = gold.questions.flatMap((q) => q.narratives);
  const { goldById, spans, outletOfArticle, names, goldNames, claimById, placesOf } = eventIndex(gold, report, a, mapping);
  const actorName = (id: string): string => names.get(id)?.[0] ?? id;
  const lines: string[] = [];
  // A claim with its attribution's source as written and its sentence: where a wrong speaker comes from.
  const sourceOf = (c: NarrativeClaim): string => {
    const article = analysed.find((r) => r.id === c.articleId);
    const attribution = article?.attributions.find((x) => x.id === c.attributionId);
    const src = attribution?.source?.spans.map((sp) => sp.text).join(' … ') ?? '';
    return `${c.voice} ${c.stance} src "${short(src, 50)}" co [${(c.coActorIds ?? []).map(actorName).join(', ')}] in "${short(article?.sentences[c.sentence]?.text ?? c.text, 160)}"`;
  };
  const describe = (id: string): string => {
    const n = a.narratives.find((x) => x.id === id);
    return n ? `"${short(n.answer, 60)}" [${n.backers.map(actorName).join(', ')}] ${n.claimIds.length}+${n.disputingClaimIds.length} claims` : id;
  };


  // Stated omissions.
  for (const x of statedOmissions(report, mapping, goldById, outletOfArticle)) {
    const { outlet, id, m, g, decided } = x;
    let { right, category } = x;
    let evidence = '';
    // Decided by the gold omission, or by searching where the outlet's gold spans went.
    if (!decided && g?.omittedBy.includes(outlet)) {
      right = true;
      const rivals = gold.conflicts.filter((c) => c.a === g.id || c.b === g.id).map((c) => (c.a === g.id ? c.b : c.a));
      const carriesRival = rivals.some((r) => spans.some((s) => s.label === r && outletOfArticle.get(s.span.article) === outlet));
      category = carriesRival ? 'right (the outlet carries only the rival side)' : 'right';
    } else if (!decided && g) {
      const places = placesOf(g.id, outlet);
      const best = places[0];
      category = best ? best.what.replace(/ \(.*\)$/, '') : 'outlet has no gold span (gold omittedBy inconsistent)';
      if (places.length > 0 && places.every((p) => p.s.label.startsWith('~'))) category += ' [only discussion spans]';
      evidence = places.map((p) => `${p.what}: "${short(p.s.span.hint, 50)}"`).join(' | ');
    }
    totals.omissions.all++; if (right) totals.omissions.right++;
    count('stated omission', category);
    if (list) lines.push(`  omit ${right ? 'OK ' : 'BAD'} ${outlet} omits ${id} ${describe(id)} (gold ${m}): ${category}${evidence ? `\n        ${evidence}` : ''}`);
  }

  // Gold omissions of covered narratives: found or why not.
  const covered = new Set(Object.values(mapping).filter((m) => m !== 'none' && m !== 'background').map((m) => m.replace(/^¬/, '')));
  for (const g of goldNarratives) {
    if (!covered.has(g.id)) continue;
    const tools = Object.entries(mapping).filter(([, m]) => m === g.id).map(([id]) => id);
    for (const outlet of g.omittedBy) {
      totals.goldOmissions.all++;
      const row = report.outlets.find((x) => x.outlet === outlet);
      const found = tools.some((t) => row?.omitted.includes(t));
      if (found) { totals.goldOmissions.found++; count('gold omission', 'found'); continue; }
      const why = tools.length === 0 ? 'only a denial narrative maps to it' : tools.map((t) => {
        const c = row?.coverage[t] ?? 'omits';
        if (c !== 'omits') return `${t} ${c}`;
        const n = a.narratives.find((x) => x.id === t);
        return `${t} omits but not stated (backers ${n?.backers.map(actorName).join(', ') || 'none'})`;
      }).join('; ');
      count('gold omission', `missed: ${why.replace(/e\d+\.n\d+ /g, '').replace(/ \(backers.*\)/, '')}`);
      if (list) {
        lines.push(`  gold omission MISSED ${outlet} omits ${g.id} (backers ${g.backers.join(', ')}): ${why}`);
        // The outlet's own claims in those tool narratives, with their gold label: why it "tells" it.
        for (const t of tools) {
          const n = a.narratives.find((x) => x.id === t);
          for (const id of [...(n?.claimIds ?? []), ...(n?.disputingClaimIds ?? [])]) {
            const c = claimById.get(id);
            if (!c || (c.outlet ?? c.articleId) !== outlet) continue;
            const label = spans.filter((s) => aligns(claimSpan(c), spanOf(s.span))).map((s) => s.label).join(',') || 'unannotated';
            lines.push(`        ${t} ${n?.claimIds.includes(id) ? 'tells' : 'disputes'} [${label}] ${c.voice} ${c.stance} "${short(c.text, 100)}"`);
          }
        }
      }
    }
  }

  // Every `omits` coverage judgement, with the evidence the rules read (coverage.ts).
  // As buildReport: actors merged over the articles sorted by id (the ids depend on that order).
  const live = [...analysed].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).filter((r) => !r.duplicateOf);
  const crossActors = mergeActors(live);
  const outletNames = report.outlets.map((o) => o.outlet);
  const mentionedBy = new Map(outletNames.map((o) => [o, new Set(live.filter((r) => (r.outlet ?? r.id) === o)
    .flatMap((r) => r.actors.map((x) => crossActors.idOf(r.id, x.id)).filter((id): id is string => id !== undefined)))]));
  const evidence = candidates ? coverageEvidence(live, a, outletNames, { mentioned: mentionedBy, relations }) : new Map<string, Map<string, CoverageEvidence>>();
  const answers = distinctiveActors(a, outletNames, mentionedBy);
  const siblings = candidates ? toldParaphrase(a, outletNames, claimVectorsById(a.claims, loadEmbeddings())) : new Map<string, Map<string, number>>();
  const actorById = new Map(crossActors.actors.map((x) => [x.id, x]));
  const top = (p: RelationProbabilities): string => (['agree', 'disagree', 'discuss', 'unrelated'] as const).reduce((b, k) => (p[k] > p[b] ? k : b), 'unrelated' as keyof RelationProbabilities);
  const evidenceOf = (n: (typeof a.narratives)[number], outlet: string): Record<string, number | string> => {
    const e = evidence.get(outlet)?.get(n.id);
    if (!e) return {};
    const best = (f: (x: CoverageEvidence['nearest'][number]) => number): number => Math.max(0, ...e.nearest.map(f));
    const told = new Set(a.narratives.filter((x) => x.outlets.includes(outlet)).map((x) => x.id));
    const rivals = a.conflicts.filter((c) => c.a === n.id || c.b === n.id).map((c) => (c.a === n.id ? c.b : c.a));
    return {
      silent: e.silent ? 1 : 0, cos: best((x) => x.cosine), agree: best((x) => x.relation.agree),
      // The agreement test 6 reads: every claim of the outlet, where the verdict is `omits` on a side.
      agreeAll: Math.max(best((x) => x.relation.agree), e.agreeing?.agree ?? 0), agreeTop: best((x) => (top(x.relation) === 'agree' ? x.relation.agree : 0)),
      discuss: best((x) => x.relation.discuss), discussTop: best((x) => (top(x.relation) === 'discuss' ? x.relation.discuss : 0)), disagree: best((x) => x.relation.disagree),
      bodyAgree: e.body.agree, bodyDisagree: e.body.disagree, rivalTold: rivals.some((r) => told.has(r)) ? 1 : 0,
      namesBacker: n.backers.some((b) => mentionedBy.get(outlet)?.has(b)) ? 1 : 0,
      // Outlets in which a backer speaks one of its telling claims (a voice one outlet alone quotes: 1).
      backerOutlets: new Set(n.claimIds.map((id) => claimById.get(id)).filter((c): c is NarrativeClaim => !!c && !!c.actorId && n.backers.includes(c.actorId)).map((c) => c.outlet ?? c.articleId)).size,
      // Would the identifiable-actor test of omissions.ts state it, were the coverage `omits`?
      ident: reportedOmissions([n], new Map([[n.id, 'omits' as const]]), mentionedBy.get(outlet), answers, (id) => actorById.get(id)).length,
      // The whole-side tests of src/08-report/whole-sides.ts: side-sized (3+ telling claims or contested), and the
      // paraphrase cosine to another narrative the outlet tells (stated only below 0.5).
      side: sideSized(n) ? 1 : 0, sibling: siblings.get(outlet)?.get(n.id) ?? 0,
      ...extraEvidence(n, outlet, told),
    };
  };
  // Further readings tried as omission signals (issue 13, omit3): is every named backer one all
  // outlets name (the event's protagonist), is the outlet silent on the answer actors, how many
  // claims other outlets tell it with, where in their articles, and how much the outlet says.
  // The outlet's claim the relation model reads as agreeing most with a claim of the narrative:
  // where it sits (a narrative of the same question, of another question, none) and whether the two
  // claims answer the same kind of question.
  function agreeing(n: (typeof a.narratives)[number], outlet: string): Record<string, number> {
    const e = evidence.get(outlet)?.get(n.id);
    const best = [...(e?.nearest ?? [])].sort((x, y) => y.relation.agree - x.relation.agree)[0];
    if (!best) return { agreeSameQ: 0, agreeOtherQ: 0, agreeStray: 0, agreeKind: 0 };
    const home = a.narratives.find((x) => x.claimIds.includes(best.claimId) || x.disputingClaimIds.includes(best.claimId));
    const kindOf = (id: string): string | undefined => claimById.get(id)?.proposition?.question;
    const qKind = (id: string | undefined): string | undefined => a.questions.find((q) => q.id === id)?.kind;
    return {
      agreeSameQ: home && home.question === n.question ? 1 : 0, agreeOtherQ: home && home.question !== n.question ? 1 : 0, agreeStray: home ? 0 : 1,
      agreeKind: kindOf(best.tellingId) === kindOf(best.claimId) ? 1 : 0,
      agreeQKind: home && qKind(home.question) === qKind(n.question) ? 1 : 0,
    };
  }
  function extraEvidence(n: (typeof a.narratives)[number], outlet: string, told: ReadonlySet<string>): Record<string, number | string> {
    const namedBackers = n.backers.filter((b) => { const x = actorById.get(b); return x !== undefined && /^[\p{Lu}\p{N}]/u.test(x.name) && !['anonymous', 'generic', 'document'].includes(x.kind); });
    const everywhere = (id: string): boolean => outletNames.every((o) => mentionedBy.get(o)?.has(id));
    const texts = live.filter((r) => (r.outlet ?? r.id) === outlet).flatMap((r) => r.sentences.map((s) => s.text));
    const ans = [...(answers.get(n.id) ?? [])];
    const telling = n.claimIds.map((id) => claimById.get(id)).filter((c): c is NarrativeClaim => !!c);
    const posOf = (c: NarrativeClaim): number => { const r = live.find((x) => x.id === c.articleId); return r ? c.sentence / Math.max(1, r.sentences.length) : 1; };
    const ownClaims = a.claims.filter((c) => (c.outlet ?? c.articleId) === outlet).length;
    const sameQ = a.narratives.filter((x) => x.id !== n.id && x.question === n.question && told.has(x.id));
    const rivals = new Set(a.conflicts.flatMap((c) => (c.a === n.id ? [c.b] : c.b === n.id ? [c.a] : [])));
    return {
      namedBackers: namedBackers.length, evBackers: namedBackers.length > 0 && namedBackers.every(everywhere) ? 1 : 0,
      answers: ans.length, ansNames: ans.map(actorName).join('|').replace(/\s+/g, '_') || '-', answerSilent: ans.length > 0 && !ans.some((id) => mentionedBy.get(outlet)?.has(id) || (actorById.get(id) && namedInText(actorById.get(id)!, texts))) ? 1 : 0,
      carrierClaims: telling.length, pos: telling.length ? telling.reduce((s, c) => s + posOf(c), 0) / telling.length : 1,
      minPos: Math.min(1, ...telling.map(posOf)),
      ownClaims, outletSentences: texts.length, meanClaims: a.claims.length / outletNames.length,
      sameQTold: sameQ.length, sameQRival: sameQ.filter((x) => rivals.has(x.id)).length,
      ...agreeing(n, outlet),
      // All actor tests of omissions.ts (named, in the text, voiced in two outlets), the side tests left out.
      actorsOK: reportedOmissions([n], new Map([[n.id, 'omits' as const]]), mentionedBy.get(outlet), answers, (id) => actorById.get(id), texts, voicedOutlets(a.narratives, a.claims)).length,
    };
  }
  if (candidates) {
    for (const o of report.outlets) {
      for (const n of a.narratives) {
        if (evidence.get(o.outlet)?.get(n.id)?.member) continue; // the outlet tells or disputes it in its own claims
        const m = mapping[n.id] ?? 'none';
        const g = goldById.get(m.replace(/^¬/, ''));
        const verdict = !g ? m : m.startsWith('¬') ? (g.disputes.some((d) => outletOfArticle.get(d.article) === o.outlet) ? 'wrong' : 'right') : g.omittedBy.includes(o.outlet) ? 'right' : 'wrong';
        const ev = evidenceOf(n, o.outlet);
        console.log(['CAND', gold.event.slice(0, 20), o.outlet.replace(/\s+/g, '_').slice(0, 12), n.id, m, verdict, o.coverage[n.id], o.omitted.includes(n.id) ? 'stated' : '-', n.outlets.length, n.claimIds.length,
          ...Object.entries(ev).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(2) : v}`), n.backers.map(actorName).join('|'), short(n.answer, 50)].join('\t'));
        if (list) {
          for (const x of [...(evidence.get(o.outlet)?.get(n.id)?.nearest ?? [])].sort((p, q) => q.relation.agree - p.relation.agree).slice(0, 2)) {
            console.log(`      agree ${x.relation.agree.toFixed(2)} discuss ${x.relation.discuss.toFixed(2)} disagree ${x.relation.disagree.toFixed(2)} cos ${x.cosine.toFixed(2)}: "${short(claimById.get(x.tellingId)?.text ?? '', 90)}" ~ "${short(claimById.get(x.claimId)?.text ?? '', 90)}"`);
          }
        }
      }
    }
  }

  // Backers and disputers.
  for (const { n, m, g, role0, role, actor, actorNames, matches, right } of actorChecks({ narratives: a.narratives, mapping, goldById, names, goldNames })) {
    totals[role].all++; if (right) totals[role].right++;
    if (right) { count(role, 'right'); continue; }
    const ids = role0 === 'backers' ? n.claimIds : [...n.disputingClaimIds, ...n.claimIds];
    const { own, aligned, category } = wrongActor({ gold, g, role, actor, claims: ids.map((id) => claimById.get(id)), spans, matches });
    count(role, category);
    if (list) {
      const ev = aligned.map((x) => `${x.label}${x.span.speaker ? `@${x.span.speaker}` : ''}: ${sourceOf(x.c)}`).join('\n        ')
        || own.map((c) => `unannotated: ${sourceOf(c)}`).join('\n        ');
      lines.push(`  ${role === 'backers' ? 'backer  ' : 'disputer'} BAD ${actorNames[0]} on ${n.id} (${m}; gold ${role}: ${g[role].join(', ') || 'none'}): ${category}\n        ${ev}`);
    }
  }
  if (oracle) {
    const c = oracleOmissions({ gold, analysis: a, mapping, live, outlets: outletNames, mentioned: mentionedBy, actorOf: (id) => actorById.get(id), relations, outletOfArticle });
    for (const k of Object.keys(oracleTotals) as (keyof typeof oracleTotals)[]) oracleTotals[k] += c[k];
  }
  if (list && lines.length > 0) console.log(`${gold.event}\n${lines.join('\n')}`);
}
const pct = (x: { all: number; right: number }): string => `${x.right}/${x.all} = ${x.all ? ((100 * x.right) / x.all).toFixed(1) : '0'}%`;
console.log(`\n${loo ? 'leave-one-event-out' : 'shipped pair model (in-sample)'}: omissions right ${pct(totals.omissions)}; gold omissions found ${pct({ all: totals.goldOmissions.all, right: totals.goldOmissions.found })}; backers ${pct(totals.backers)}; disputers ${pct(totals.disputers)}`);
if (oracle) {
  const t = oracleTotals;
  console.log(`oracle-merged narratives (every narrative merged into its gold one): stated omissions right ${pct({ all: t.stated, right: t.right })}, gold omissions found ${pct({ all: t.gold, right: t.found })}; without the whole-side tests: right ${pct({ all: t.statedNoWhole, right: t.rightNoWhole })}`);
}
counter.print();
