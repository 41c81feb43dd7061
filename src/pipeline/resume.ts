import { createReadStream, existsSync, truncateSync } from 'node:fs';

/** What an earlier, interrupted run left in its output file. */
export interface ResumePoint {
  /** Ids of the complete output lines, in order. */
  readonly done: readonly string[];
  /** Bytes dropped from the end of the file (a line cut short by the kill). */
  readonly droppedBytes: number;
}

/**
 * Read the output of an interrupted run and cut it back to its last complete line. A kill -9 can
 * leave half a line at the end (`{"id":"a7","text":"The mini`): that line, and anything after a
 * line that is not JSON, is truncated away, so appending the rest of the run yields a valid file.
 * A missing file resumes from the start.
 *
 * @example
 * const point = await readResumePoint('out.jsonl'); // { done: ['a1', 'a2'], droppedBytes: 17 }
 */
export async function readResumePoint(file: string): Promise<ResumePoint> {
  if (!existsSync(file)) return { done: [], droppedBytes: 0 };
  const done: string[] = [];
  let good = 0; // bytes up to the end of the last good line
  let total = 0;
  let pending: Buffer[] = [];
  let broken = false;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (broken) continue;
    let from = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1 && !broken; i = chunk.indexOf(0x0a, from)) {
      pending.push(chunk.subarray(from, i));
      const line = Buffer.concat(pending);
      pending = [];
      from = i + 1;
      const id = idOf(line.toString('utf8'));
      if (id === null) broken = true;
      else { done.push(id); good += line.length + 1; }
    }
    if (!broken && from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (good < total) truncateSync(file, good);
  return { done, droppedBytes: total - good };
}

function idOf(line: string): string | null {
  try {
    const record: unknown = JSON.parse(line);
    if (record && typeof record === 'object' && 'id' in record && typeof record.id === 'string') return record.id;
  } catch { /* a cut or corrupt line: the resume point is before it */ }
  return null;
}

/**
 * The `skip` predicate of a resumed run. The output is the input in order minus the articles that
 * failed, so walking the input against the done ids finds where to go on: an article whose id is
 * the next done id is done; one that is not, while done ids remain, failed in the earlier run
 * (and is in its failures file); after the last done id, articles already in the failures file
 * (`failed(article)`) are not tried again, so no failure is recorded twice.
 *
 * @example
 * runAnalysis(articles, { skip: resumeSkipper(point, (a) => failures.has(a)) })
 */
export function resumeSkipper<A extends { readonly id: string }>(
  point: ResumePoint,
  failed: (article: A) => boolean = () => false,
): (article: A) => boolean {
  let next = 0;
  return (article) => {
    if (next < point.done.length) {
      if (point.done[next] === article.id) next++;
      return true;
    }
    return failed(article);
  };
}
