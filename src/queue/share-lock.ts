/**
 * A process-wide shared/exclusive lock for the worker's jobs. Normal jobs share the process; a job
 * run carefully (after it crashed a worker) runs alone, so a crash while it runs is counted
 * against its one article in flight and never against an article of another job that happened to
 * share the process (which would otherwise reach the crash limit without being at fault).
 */
export class ShareLock {
  #shared = 0;
  #exclusive = false;
  #waiting: (() => void)[] = [];

  /** Run `body` alongside other shared holders (waits while an exclusive holder runs). */
  async shared<T>(body: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#wait();
    this.#shared++;
    try {
      return await body();
    } finally {
      this.#shared--;
      this.#wake();
    }
  }

  /** Run `body` alone: waits for every other holder to finish; others wait for it. */
  async exclusive<T>(body: () => Promise<T>): Promise<T> {
    while (this.#exclusive || this.#shared > 0) await this.#wait();
    this.#exclusive = true;
    try {
      return await body();
    } finally {
      this.#exclusive = false;
      this.#wake();
    }
  }

  #wait(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const resolve of waiting) resolve();
  }
}
