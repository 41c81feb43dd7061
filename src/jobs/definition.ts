/**
 * Job definitions: the JSON files in `pipelines/` that say what a scheduled comparison reads, how
 * it groups and analyses articles, where it writes, when it runs and where it keeps its store.
 *
 * Relative paths in a job file are relative to the file's own folder, so a job runs the same from
 * any working directory (cron and systemd start in `/` or `$HOME`).
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Cron } from 'croner';
import { z } from 'zod';
import type { LexiconChoice } from '../05-cues/index.js';
import type { NarrativeOptions } from '../07-narratives/index.js';
import type { FetchOptions, SourceInput } from '../sources/index.js';
import type { DriftOptions } from './drift.js';

const STANCE_CLASSES = ['neutral', 'endorsing', 'distancing', 'insistence', 'hedging', 'denial', 'accusation', 'doubt'] as const;
const FORMATS = ['json', 'markdown', 'md', 'html'] as const;
const unit = z.number().min(0).max(1);
const WEB = /^https?:\/\//i;
const webUrl = z.string().regex(WEB, 'an http:// or https:// URL');
const outlet = z.string().min(1).optional();
/** A path or glob; an http(s) URL is a feed. */
const inputSchema = z.union([
  z.string().min(1),
  z.strictObject({ feed: webUrl, outlet }),
  z.strictObject({ urls: z.string().min(1), outlet }),
]);

const cronExpression = z.string().min(1).superRefine((expression, context) => {
  try {
    new Cron(expression, { paused: true }).stop();
  } catch (error) {
    context.addIssue({ code: 'custom', message: `not a valid cron expression: ${error instanceof Error ? error.message.replace(/^CronPattern: /, '') : String(error)}` });
  }
});

/** The schema of a job file. Unknown keys are errors: a misspelt option must not be ignored. */
export const jobFileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "_" and "-" only, starting with a letter or digit'),
  description: z.string().optional(),
  /** Files, folders or glob patterns ("corpora/**\/*.txt"), feed URLs, `{feed, outlet}` or `{urls: FILE, outlet}`. */
  inputs: z.array(inputSchema).min(1),
  /** JSONL field names, when they differ from id/text/title/outlet/date/url. */
  fields: z.strictObject({
    id: z.string().min(1), text: z.string().min(1), title: z.string().min(1), outlet: z.string().min(1),
    date: z.string().min(1), url: z.string().min(1),
  }).partial().optional(),
  maxChars: z.number().int().positive().optional(),
  /** "none": all articles are one event; "auto": events found by content and date; {field}: a JSONL field or front-matter key. */
  grouping: z.union([z.literal('none'), z.literal('auto'), z.strictObject({ field: z.string().min(1) })]).default('none'),
  stages: z.strictObject({
    clean: z.strictObject({ enabled: z.boolean().optional(), minRepeatedLength: z.number().int().min(0).optional() }).optional(),
    segment: z.strictObject({ lineBreaks: z.enum(['paragraph', 'space', 'auto']).optional() }).optional(),
    cues: z.strictObject({
      lexicon: z.string().min(1).optional(),
      overrides: z.record(z.string().min(1), z.strictObject({
        class: z.enum(STANCE_CLASSES),
        sourceCommitment: z.number().min(-1).max(1).optional(),
        reporterCommitment: z.number().min(-1).max(1).optional(),
        factive: z.boolean().optional(),
      })).optional(),
    }).optional(),
    narratives: z.strictObject({ threshold: unit.optional(), continuity: unit.optional(), minConflict: z.number().min(0).optional(), maxClaims: z.number().int().min(2).optional() }).optional(),
    drift: z.strictObject({
      minShareChange: unit.optional(), claimRatio: z.number().min(1).optional(), minClaimChange: z.number().int().min(0).optional(),
      framingDivergence: unit.optional(), minFramingCues: z.number().int().min(1).optional(), timelineRuns: z.number().int().min(1).optional(),
    }).optional(),
  }).default({}),
  outputs: z.strictObject({
    directory: z.string().min(1),
    formats: z.array(z.enum(FORMATS)).min(1).default(['json', 'markdown', 'html']),
  }),
  /** Cron expression (5 fields, or 6 with seconds first) for `narrascope schedule`. */
  schedule: cronExpression.optional(),
  /** IANA time zone of the schedule ("Europe/Berlin"); default the machine's. */
  timezone: z.string().min(1).optional(),
  /** SQLite file of the job's store (shared by jobs is fine: every row names its job). */
  store: z.string().min(1).default('.narrascope/store.db'),
  workers: z.number().int().min(1).optional(),
  /** How feeds and URL lists are fetched (see src/sources/options.ts for each key). */
  fetch: z.strictObject({
    contact: z.string().min(1).optional(),
    timeoutMs: z.number().int().positive().optional(),
    maxBytes: z.number().int().positive().optional(),
    maxRedirects: z.number().int().min(0).max(20).optional(),
    perHost: z.strictObject({ concurrency: z.number().int().min(1).optional(), intervalMs: z.number().int().min(0).optional() }).optional(),
    hosts: z.array(z.string().min(1)).optional(),
    maxEntries: z.number().int().positive().optional(),
    refetch: z.boolean().optional(),
    robots: z.boolean().optional(),
  }).optional(),
});

/** A job file as written (after defaults). */
export type JobFile = z.infer<typeof jobFileSchema>;

/** Report formats a job can write, by renderer name. */
export type JobFormat = 'json' | 'markdown' | 'html';

/** A loaded job: the file's settings with every path made absolute and options in stage shape. */
export interface JobDefinition {
  readonly name: string;
  readonly description?: string;
  /** The job file (absolute). */
  readonly file: string;
  /** Absolute paths or glob patterns. */
  readonly inputs: readonly string[];
  /** Feeds and URL lists (files absolute), read after `inputs`, in the job's order. */
  readonly sources: readonly SourceInput[];
  /** How `sources` are fetched. */
  readonly fetch: FetchOptions;
  readonly fields: Readonly<Partial<Record<'id' | 'text' | 'title' | 'outlet' | 'date' | 'url', string>>>;
  readonly maxChars?: number;
  readonly grouping: 'none' | 'auto' | { readonly field: string };
  readonly clean: false | { readonly minRepeatedLength?: number };
  readonly segment: { readonly lineBreaks?: 'paragraph' | 'space' | 'auto' };
  readonly cues: LexiconChoice;
  readonly narratives: NarrativeOptions;
  readonly drift: DriftOptions;
  readonly outputs: { readonly directory: string; readonly formats: readonly JobFormat[] };
  readonly schedule?: string;
  readonly timezone?: string;
  /** Absolute path of the SQLite store. */
  readonly store: string;
  readonly workers?: number;
}

/** A job file that cannot be used: names the file, and the field when one is at fault. */
export class JobDefinitionError extends Error {
  constructor(
    readonly file: string,
    /** Dotted path of the bad field ("outputs.formats.1"), or null for the whole file. */
    readonly field: string | null,
    readonly reason: string,
  ) {
    super(`${file}: ${field === null ? '' : `field "${field}": `}${reason}`);
    this.name = 'JobDefinitionError';
  }
}

/**
 * Read and validate a job file. Throws a {@link JobDefinitionError} naming the file and the first
 * bad field (or the line and column of a JSON syntax error).
 *
 * @example
 * const job = loadJob('pipelines/default.json');
 * job.outputs.directory; // '/abs/path/runs/default'
 */
export function loadJob(file: string): JobDefinition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new JobDefinitionError(file, null, `cannot read the job file: ${error instanceof Error ? error.message : String(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new JobDefinitionError(file, null, `not valid JSON${syntaxPlace(text, error)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseJob(raw, file);
}

/**
 * Validate an already parsed job object; `file` names it in errors and anchors relative paths.
 *
 * @example
 * parseJob({ name: 'x', inputs: ['corpora'], outputs: { directory: 'runs/x' } }, '/jobs/x.json');
 */
export function parseJob(raw: unknown, file: string): JobDefinition {
  const parsed = jobFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    // An unknown key is reported at the key itself, not at the object holding it.
    const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
    const field = [...path, ...keys.slice(0, 1)].map(String).join('.');
    throw new JobDefinitionError(file, field === '' ? null : field, issue?.message ?? 'invalid job definition');
  }
  return toDefinition(parsed.data, resolve(file));
}

function toDefinition(data: JobFile, file: string): JobDefinition {
  const base = dirname(file);
  const at = (path: string): string => (isAbsolute(path) ? path : resolve(base, path));
  const stages = data.stages;
  const cues: { file?: string; overrides?: NonNullable<LexiconChoice['overrides']> } = {};
  if (stages.cues?.lexicon !== undefined) cues.file = at(stages.cues.lexicon);
  if (stages.cues?.overrides !== undefined) cues.overrides = Object.fromEntries(Object.entries(stages.cues.overrides).map(([k, v]) => [k, compact(v)]));
  const formats = [...new Set(data.outputs.formats.map((f): JobFormat => (f === 'md' ? 'markdown' : f)))];
  return {
    name: data.name,
    ...(data.description !== undefined ? { description: data.description } : {}),
    file,
    inputs: data.inputs.filter((input): input is string => typeof input === 'string' && !WEB.test(input)).map(at),
    sources: data.inputs.flatMap((input): SourceInput[] => {
      if (typeof input === 'string') return WEB.test(input) ? [{ kind: 'feed', url: input }] : [];
      const named = input.outlet !== undefined ? { outlet: input.outlet } : {};
      return 'feed' in input ? [{ kind: 'feed', url: input.feed, ...named }] : [{ kind: 'urls', file: at(input.urls), ...named }];
    }),
    fetch: fetchOptions(data.fetch),
    fields: compact(data.fields ?? {}),
    ...(data.maxChars !== undefined ? { maxChars: data.maxChars } : {}),
    grouping: data.grouping,
    clean: stages.clean?.enabled === false ? false : stages.clean?.minRepeatedLength !== undefined ? { minRepeatedLength: stages.clean.minRepeatedLength } : {},
    segment: compact(stages.segment ?? {}),
    cues,
    narratives: compact(stages.narratives ?? {}),
    drift: compact(stages.drift ?? {}),
    outputs: { directory: at(data.outputs.directory), formats },
    ...(data.schedule !== undefined ? { schedule: data.schedule } : {}),
    ...(data.timezone !== undefined ? { timezone: data.timezone } : {}),
    store: at(data.store),
    ...(data.workers !== undefined ? { workers: data.workers } : {}),
  };
}

function fetchOptions(fetch: JobFile['fetch']): FetchOptions {
  if (fetch === undefined) return {};
  const { perHost, ...rest } = fetch;
  return { ...compact(rest), ...(perHost !== undefined ? { perHost: compact(perHost) } : {}) };
}

/**
 * The object without its undefined properties: zod's optional fields are `T | undefined`, the
 * stage options' are absent-or-`T` (exactOptionalPropertyTypes).
 */
function compact<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/** " at line L, column C" for a JSON.parse error that gives a position, else "". */
function syntaxPlace(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}
