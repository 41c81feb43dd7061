import { closeSync, existsSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';

/** One line of the failures file. */
export interface FailureRecord {
  /** The article id, or null for input that never became an article (a bad JSONL line). */
  readonly id: string | null;
  readonly file: string | null;
  readonly line: number | null;
  readonly reason: string;
}

const keyOf = (r: Pick<FailureRecord, 'id' | 'file' | 'line'>): string => `${r.file ?? ''}\u0000${r.line ?? ''}\u0000${r.id ?? ''}`;

/**
 * The `--failures FILE` log: one JSON line per article or input record that failed, e.g.
 * `{"id":"a17","file":"batch.jsonl","line":17,"reason":"field \"text\" is empty"}`.
 *
 * Lines are written synchronously: failures are rare, and a synchronous write is on disk before
 * any later output line, so after a kill -9 the failures file is never behind the output (which
 * `--resume` relies on). On resume the file is appended to and a failure already in it is not
 * written again.
 */
export class FailureLog {
  readonly #fd: number | null;
  readonly #seen = new Set<string>();
  /** Failures recorded in this run (including ones already in a resumed file). */
  count = 0;

  constructor(path: string | undefined, append: boolean) {
    if (path && append && existsSync(path)) {
      const text = readFileSync(path, 'utf8');
      // Drop a last line cut short by a kill; every complete line is a known failure.
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      for (const line of complete.split('\n')) {
        try { this.#seen.add(keyOf(JSON.parse(line) as FailureRecord)); } catch { /* blank or cut */ }
      }
      // Cut the partial line in place, then append: the complete lines are never rewritten.
      truncateSync(path, Buffer.byteLength(complete));
      this.#fd = openSync(path, 'a');
    } else {
      this.#fd = path ? openSync(path, 'w') : null;
    }
  }

  /** True when this failure was already recorded by the run being resumed. */
  has(record: Pick<FailureRecord, 'id' | 'file' | 'line'>): boolean {
    return this.#seen.has(keyOf(record));
  }

  /** Record a failure (once). */
  record(record: FailureRecord): void {
    this.count++;
    const key = keyOf(record);
    if (this.#fd === null || this.#seen.has(key)) return;
    this.#seen.add(key);
    writeSync(this.#fd, `${JSON.stringify(record)}\n`);
  }

  /** Close the file. */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
  }
}
