/**
 * PolNeAR scored the way the published tables are: on CofeNet's BIO units (one sentence or
 * paragraph each, Penn Treebank tokens, tags B/I-source, B/I-cue, B/I-content), exact match of
 * each role's token spans. Our own article-level evaluation (polnear.ts) sees whole articles, so
 * its figures are not directly comparable with CofeNet's; this one is, unit for unit.
 *
 * Each unit's tokens are joined back into text (PTB quotes `` '' become “ ”, no space before
 * punctuation or clitics), the pipeline runs on that text without cross-paragraph context (as the
 * published models do), and predicted character spans are mapped back to the tokens they cover.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { segment } from '../03-segment/index.js';
import { tagCues } from '../05-cues/index.js';
import { extractAttributions } from '../06-attributions/index.js';
import type { Article } from '../types/index.js';
import { outermost, prf, ROLES, type Counts, type Role } from './polnear-score.js';
import type { RoleScores } from './polnear.js';

/** Options of {@link evaluateCofenetBio}. */
export interface CofenetEvalOptions {
  /** A CofeNet BIO JSONL file, e.g. `../shared/corpora/polnear/cofenet_bio/valid.jsonl`. */
  readonly file: string;
  /** Score only the first N units. */
  readonly limit?: number;
}

/** The result of {@link evaluateCofenetBio}. */
export interface CofenetEvalReport {
  readonly file: string;
  readonly units: number;
  readonly tokens: number;
  /** Exact token-span match per role. */
  readonly exact: RoleScores;
  readonly seconds: number;
}

/** One BIO unit as CofeNet ships it. */
interface BioUnit {
  readonly tokens: readonly string[];
  readonly labels: readonly string[];
  readonly id: string;
}

/** A token range [first, end) carrying one role. */
type TokenSpan = string; // "first:end", so sets compare by value

const NO_SPACE_BEFORE = new Set([',', '.', ':', ';', '?', '!', '%', ')', ']', '}', "''", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(['``', '(', '[', '{', '$']);
const SURFACE: Readonly<Record<string, string>> = { '``': '“', "''": '”', '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']' };

/** Join PTB tokens into readable text, recording where each token landed. */
export function detokenize(tokens: readonly string[]): { text: string; offsets: [number, number][] } {
  let text = '';
  const offsets: [number, number][] = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const glue = i === 0 || NO_SPACE_BEFORE.has(token) || (previous !== undefined && NO_SPACE_AFTER.has(previous));
    if (!glue) text += ' ';
    const surface = SURFACE[token] ?? token;
    offsets.push([text.length, text.length + surface.length]);
    text += surface;
  });
  return { text, offsets };
}

/** The role spans encoded by BIO labels ("I-x" after another role starts a new span). */
export function bioSpans(labels: readonly string[]): Record<Role, Set<TokenSpan>> {
  const spans: Record<Role, Set<TokenSpan>> = { source: new Set(), cue: new Set(), content: new Set() };
  let open: { role: Role; first: number } | null = null;
  const close = (end: number): void => {
    if (open) spans[open.role].add(`${open.first}:${end}`);
    open = null;
  };
  labels.forEach((label, i) => {
    const [tag, role] = label.split('-') as [string, Role | undefined];
    if (tag === 'B' || (tag === 'I' && (!open || open.role !== role))) {
      close(i);
      if (role) open = { role, first: i };
    } else if (tag !== 'I') {
      close(i);
    }
  });
  close(labels.length);
  return spans;
}

/** Token range covered by a character span: every token it overlaps. */
function tokensOf(offsets: readonly [number, number][], start: number, end: number): TokenSpan | null {
  let first = -1;
  let last = -1;
  offsets.forEach(([s, e], i) => {
    if (s < end && start < e) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : `${first}:${last + 1}`;
}

/** Run the pipeline on one unit and return its predicted role spans over the unit's tokens. */
function predict(unit: BioUnit): Record<Role, Set<TokenSpan>> {
  const { text, offsets } = detokenize(unit.tokens);
  const article: Article = { id: unit.id, outlet: null, date: null, title: null, url: null, text, dropped: [] };
  const segmented = segment(article);
  // One BIO layer holds the outermost relations only, as PolNeAR annotates them.
  const { outer: attributions } = outermost(extractAttributions(segmented, [], tagCues(segmented)).attributions);
  const spans: Record<Role, Set<TokenSpan>> = { source: new Set(), cue: new Set(), content: new Set() };
  const add = (role: Role, span: { start: number; end: number }): void => {
    const range = tokensOf(offsets, span.start, span.end);
    if (range) spans[role].add(range);
  };
  for (const a of attributions) {
    for (const s of a.source?.spans ?? []) add('source', s);
    for (const s of a.cue.spans) add('cue', s);
    for (const s of a.content) add('content', s);
  }
  return spans;
}

/**
 * Score the pipeline on CofeNet's BIO units: exact token-span P/R/F1 per role, the metric of the
 * published PolNeAR tables.
 *
 * @example
 * const report = await evaluateCofenetBio({ file: '../shared/corpora/polnear/cofenet_bio/valid.jsonl' });
 */
export async function evaluateCofenetBio(options: CofenetEvalOptions): Promise<CofenetEvalReport> {
  const counts: Record<Role, Counts> = { source: { tp: 0, predicted: 0, gold: 0 }, cue: { tp: 0, predicted: 0, gold: 0 }, content: { tp: 0, predicted: 0, gold: 0 } };
  let units = 0;
  let tokens = 0;
  let busy = 0;
  const lines = createInterface({ input: createReadStream(options.file), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (options.limit !== undefined && units >= options.limit) break;
    const unit = JSON.parse(line) as BioUnit;
    if (!Array.isArray(unit.tokens) || !Array.isArray(unit.labels) || unit.tokens.length !== unit.labels.length) {
      throw new TypeError(`narrascope: ${options.file}:${lineNumber}: expected "tokens" and "labels" arrays of equal length`);
    }
    const started = performance.now();
    const predicted = predict(unit);
    busy += performance.now() - started;
    const gold = bioSpans(unit.labels);
    for (const role of ROLES) {
      counts[role].predicted += predicted[role].size;
      counts[role].gold += gold[role].size;
      for (const span of predicted[role]) if (gold[role].has(span)) counts[role].tp++;
    }
    units++;
    tokens += unit.tokens.length;
  }
  return {
    file: options.file,
    units,
    tokens,
    exact: { source: prf(counts.source), cue: prf(counts.cue), content: prf(counts.content) },
    seconds: Math.round(busy) / 1000,
  };
}

/** The report as a table next to the published figures. */
export function formatCofenetReport(report: CofenetEvalReport): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const rows = ROLES.map((role) => {
    const s = report.exact[role];
    return `| exact ${role.padEnd(10)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${String(s.tp).padStart(6)} | ${String(s.predicted).padStart(6)} | ${String(s.gold).padStart(6)} |`;
  });
  return [
    `PolNeAR on CofeNet's BIO units: ${report.file}`,
    `${report.units} units, ${report.tokens} tokens, ${report.seconds} s in the pipeline (no context across units)`,
    '',
    '| match / role     |     P |     R |    F1 |     tp |   pred |   gold |',
    '|------------------|-------|-------|-------|--------|--------|--------|',
    ...rows,
    '',
  ].join('\n');
}
