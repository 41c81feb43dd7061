import { SingleBar } from 'cli-progress';

/** Options of {@link Progress}. */
export interface ProgressOptions {
  /** Print nothing at all (`--quiet`). */
  readonly quiet: boolean;
  /**
   * Seconds between plain progress lines when stderr is not a terminal (a log file, CI).
   * @default 10
   */
  readonly every?: number;
}

/**
 * Progress of a long run on stderr: a live bar (cli-progress) on a terminal, e.g.
 * `narrascope: 1200/5000 articles | 143.2 articles/s | failures 3 | 8s | ETA 26s`, one plain line
 * every few seconds when stderr is a file or pipe, nothing with `--quiet`. The total comes from a
 * separate count (`setTotal`) and is unknown for stdin and .gz input: then there is no ETA.
 */
export class Progress {
  readonly #bar: SingleBar | null;
  readonly #plain: boolean;
  readonly #every: number;
  readonly #start = Date.now();
  #last = Date.now();
  #done = 0;
  #failures = 0;
  #total: number | null = null;

  constructor(options: ProgressOptions) {
    const tty = process.stderr.isTTY === true;
    this.#plain = !options.quiet && !tty;
    this.#every = (options.every ?? 10) * 1000;
    this.#bar = !options.quiet && tty
      ? new SingleBar({
        format: 'narrascope: {value}{of} articles | {speed} articles/s | failures {failures} | {duration_formatted}{remaining}',
        stream: process.stderr,
        hideCursor: true,
        clearOnComplete: false,
        fps: 5,
      })
      : null;
    this.#bar?.start(0, 0, { speed: '0', failures: 0, of: '', remaining: '' });
  }

  /**
   * The number of records expected, when known (see `countRecords`): adds "of N" and an ETA.
   * Records include bad lines, which are counted as failures as they come.
   */
  setTotal(total: number | null): void {
    this.#total = total;
  }

  /** Count one article done (or failed). */
  tick(failed = false): void {
    this.#done++;
    if (failed) this.#failures++;
    const now = Date.now();
    if (this.#bar) {
      this.#bar.setTotal(Math.max(this.#done, this.#total ?? 0));
      this.#bar.update(this.#done, { speed: this.#rate(now).toFixed(1), failures: this.#failures, of: this.#of(), remaining: this.#eta(now) });
    } else if (this.#plain && now - this.#last >= this.#every) {
      this.#last = now;
      process.stderr.write(`narrascope: ${this.#done}${this.#of()} articles, ${this.#rate(now).toFixed(1)} articles/s, ${this.#failures} failures${this.#eta(now)}\n`);
    }
  }

  /** Stop the bar (leaving its last state on screen). */
  stop(): void {
    this.#bar?.stop();
  }

  #of(): string {
    return this.#total === null ? '' : `/${this.#total}`;
  }

  /** " | ETA 4m 10s" from the mean rate so far, or '' when the total is unknown. */
  #eta(now: number): string {
    if (this.#total === null || this.#done === 0) return '';
    const seconds = Math.max(0, Math.round((this.#total - this.#done) / this.#rate(now)));
    return ` | ETA ${seconds >= 60 ? `${Math.floor(seconds / 60)}m ` : ''}${seconds % 60}s`;
  }

  #rate(now: number): number {
    return this.#done / Math.max(0.001, (now - this.#start) / 1000);
  }
}
