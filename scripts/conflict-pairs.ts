/**
 * Narrative-level conflict features on a gold folder (dev only): one TSV row per pair of reported
 * narratives of an event, with what the two map to in gold (a gold conflict, one gold narrative,
 * one gold question, two questions) and the side-level signals a conflict rule could read. For
 * choosing side-level conflict rules offline; in-sample (the shipped pair model). Columns: the
 * leading voices of each side, the share of one side's claims naming the other's leading speaker,
 * mean and max edge weight, share of positive edges, word Jaccard, question kinds, pairs of claims
 * of opposite polarity sharing two words, whether the leading speakers contradict each other
 * anywhere in the event (`opponents`), and claims whose cue criticises the other side's leading
 * speaker by name (`hostile`).
 *
 *   npx tsx scripts/conflict-pairs.ts data/gold/narratives/dev > /tmp/pairs.tsv
 */
import { scoreEvent } from '../src/eval/narratives/score.js';
import { aimedContradictions, leadingVoices } from '../src/07-narratives/index.js';
import { goldRuns } from './gold-runs.js';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'data/gold/narratives/dev';
if (/final/.test(dir)) throw new Error('conflict-pairs: never tune on the held-back final half');
const cols = ['event', 'a', 'b', 'ma', 'mb', 'label', 'tool', 'leadA', 'leadB', 'aNamesLeadB', 'bNamesLeadA', 'meanW', 'maxW', 'posShare', 'jacc', 'qA', 'qB', 'oppPol', 'opponents', 'hostileAB', 'hostileBA', 'textA', 'textB'];
console.log(cols.join('\t'));
for await (const { gold, report, trace } of goldRuns(dir)) {
  const { mapping } = scoreEvent(gold, report).details;
  const { sides, kept, features, weight, claims } = trace;
  const keptIdx = sides.map((_, s) => s).filter((s) => kept[s]);
  // Kept sides become the report's narratives in order.
  const idOf = new Map(keptIdx.map((s, k) => [s, report.narratives[k]?.id ?? '']));
  const goldPairs = new Set(gold.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  const questionOf = new Map(gold.questions.flatMap((q) => q.narratives.map((n) => [n.id, q.id] as const)));
  const aimed = aimedContradictions(trace.contradictions, features);
  const rivals = new Set<string>();
  for (const key of aimed.keys()) { const [i = 0, j = 0] = key.split(',').map(Number); const x = features[i]?.claim.actorId; const y = features[j]?.claim.actorId; if (x && y && x !== y) { rivals.add(`${x}|${y}`); rivals.add(`${y}|${x}`); } }
  const HOSTILE = new Set(['accuse', 'criticize', 'criticise', 'condemn', 'blast', 'slam', 'attack', 'call', 'urge', 'demand', 'reject', 'dismiss', 'deny', 'rebuke', 'denounce', 'fault', 'blame', 'question', 'challenge', 'chide', 'scold', 'lambaste', 'assail', 'decry', 'push back', 'rip', 'mock', 'ridicule', 'warn']);
  const hostile = (side: number[], v: Set<string>): number => side.filter((i) => { const f = features[i]; return !!f && HOSTILE.has(f.claim.cueLemma ?? '') && [...v].some((id) => f.entities.has(id) || f.subject === id); }).length;
  const toolPairs = new Set(report.conflicts.flatMap((c) => [`${c.a}|${c.b}`, `${c.b}|${c.a}`]));
  for (let x = 0; x < keptIdx.length; x++) for (let y = x + 1; y < keptIdx.length; y++) {
    const sa = sides[keptIdx[x] as number]!; const sb = sides[keptIdx[y] as number]!;
    const ida = idOf.get(keptIdx[x] as number) ?? ''; const idb = idOf.get(keptIdx[y] as number) ?? '';
    const ma = mapping[ida] ?? 'none'; const mb = mapping[idb] ?? 'none';
    const plain = (m: string): string => m.replace(/^¬/, '');
    const label = goldPairs.has(`${ma}|${mb}`) || (ma.startsWith('¬') !== mb.startsWith('¬') && plain(ma) === plain(mb)) ? 'CONFLICT'
      : ['none', 'background'].includes(ma) || ['none', 'background'].includes(mb) ? 'unmapped'
        : plain(ma) === plain(mb) ? 'same' : questionOf.get(plain(ma)) === questionOf.get(plain(mb)) ? 'sameQ' : 'otherQ';
    const la = leadingVoices(sa.telling, features); const lb = leadingVoices(sb.telling, features);
    const voices = (l: Set<number>): Set<string> => new Set([...l].map((i) => features[i]?.claim.actorId).filter((v): v is string => !!v));
    const va = voices(la); const vb = voices(lb);
    const names = (side: number[], v: Set<string>): number => side.filter((i) => [...v].some((id) => features[i]?.entities.has(id) || features[i]?.subject === id)).length / Math.max(1, side.length);
    let sum = 0; let n = 0; let max = -9; let pos = 0; let opp = 0;
    for (const i of sa.telling) for (const j of sb.telling) {
      const w = weight(i, j); sum += w; n++; max = Math.max(max, w); if (w > 0) pos++;
      const fi = features[i]; const fj = features[j];
      if (fi && fj && fi.polarity !== fj.polarity && fi.words.filter((w2) => fj.words.includes(w2) && !fi.nameWords.has(w2)).length >= 2) opp++;
    }
    const wa = new Set(sa.telling.flatMap((i) => features[i]?.words ?? [])); const wb = new Set(sb.telling.flatMap((i) => features[i]?.words ?? []));
    const jacc = [...wa].filter((w) => wb.has(w)).length / Math.max(1, new Set([...wa, ...wb]).size);
    const qs = (side: number[]): string => [...new Set(side.map((i) => features[i]?.question))].join(',');
    const opponents = [...va].some((x) => [...vb].some((y) => rivals.has(`${x}|${y}`))) ? 1 : 0;
    const txt = (side: number[]): string => (claims[side[0] ?? -1]?.text ?? '').replace(/\s+/g, ' ').slice(0, 80);
    console.log([gold.event, ida, idb, ma, mb, label, toolPairs.has(`${ida}|${idb}`) ? 1 : 0, [...va].join(','), [...vb].join(','),
      names(sa.telling, vb).toFixed(2), names(sb.telling, va).toFixed(2), (sum / Math.max(1, n)).toFixed(3), max.toFixed(2), (pos / Math.max(1, n)).toFixed(2), jacc.toFixed(3), qs(sa.telling), qs(sb.telling), opp, opponents, hostile(sa.telling, vb), hostile(sb.telling, va), txt(sa.telling), txt(sb.telling)].join('\t'));
  }
}
