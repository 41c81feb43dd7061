/**
 * Content hashes that decide what a re-run may reuse: an article's, and the analyzer's (the code
 * of the per-article stages, their model and data files, and the stage options). A stored
 * analysis is reused only when both match, so editing an article, retraining the model, editing a
 * lexicon or changing a job's stage options re-analyses exactly what it affects.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../types/index.js';

/**
 * The content hash of an article: everything the analysis reads (id, outlet, title, date, url,
 * group and text).
 *
 * @example articleHash(article) // 'f3b1…' (64 hex digits)
 */
export function articleHash(article: Article): string {
  const fields = [article.id, article.outlet, article.title, article.date, article.url, article.group ?? null, article.text];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

// The per-article stages run by `analyze` (what a stored analysis depends on) and the files they read.
// `learn` scores both taggers, `adapters` holds the wink tokenizer, `record` is the stored form.
const CODE_FOLDERS = ['01-ingest', '02-clean', '03-segment', '04-actors', '05-cues', '06-attributions', 'pipeline', 'learn', 'adapters', 'record'];
const PACKAGE_ROOT = new URL('../../', import.meta.url);
const CODE_ROOT = new URL('../', import.meta.url);

let filesHash: string | undefined;

/** Hash of the stage code, data and models as installed (computed once per process, ~20 ms). */
function installedFilesHash(): string {
  if (filesHash !== undefined) return filesHash;
  const hash = createHash('sha256');
  const roots = [
    ...CODE_FOLDERS.map((folder) => fileURLToPath(new URL(`${folder}/`, CODE_ROOT))),
    fileURLToPath(new URL('data/', PACKAGE_ROOT)),
    fileURLToPath(new URL('models/', PACKAGE_ROOT)),
  ];
  for (const root of roots) hashFolder(hash, root);
  filesHash = hash.digest('hex');
  return filesHash;
}

/**
 * Feed every file below `root` (path relative to it, then its bytes) into `hash`, in sorted
 * order. Source maps and declarations change with the build, not with behaviour: left out.
 */
export function hashFolder(hash: Hash, root: string): void {
  for (const file of filesUnder(root)) {
    if (/\.(map|d\.ts)$/.test(file)) continue;
    hash.update(file.slice(root.length)).update('\u0000').update(readFileSync(file)).update('\u0000');
  }
}

function filesUnder(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The analyzer fingerprint: stage code, data, models, the lexicon file a job names, and the
 * job's per-article stage options, hashed. 16 hex digits are plenty to tell analyzers apart.
 *
 * @example analyzerFingerprint({ clean: {}, segment: {}, cues: {} }) // '9c1e04d2a7b3f011'
 */
export function analyzerFingerprint(options: { readonly clean: unknown; readonly segment: unknown; readonly cues: { readonly file?: string; readonly overrides?: unknown } }): string {
  const hash = createHash('sha256').update(installedFilesHash()).update(JSON.stringify([options.clean, options.segment, options.cues.overrides ?? null]));
  if (options.cues.file !== undefined) hash.update(readFileSync(options.cues.file));
  return hash.digest('hex').slice(0, 16);
}
