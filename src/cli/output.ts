import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes results one line at a time, to a file or stdout, honouring back-pressure. Each line is
 * handed to the OS as soon as it is done, so an interrupted run keeps everything written so far.
 */
export class LineWriter {
  readonly #stream: NodeJS.WritableStream;
  readonly #file: WriteStream | null;

  /** `append` adds to an existing file (`analyze --resume`) instead of replacing it. */
  constructor(path?: string, append = false) {
    this.#file = path ? createWriteStream(path, { flags: append ? 'a' : 'w' }) : null;
    this.#stream = this.#file ?? process.stdout;
  }

  /** Write one line (a newline is appended). Resolves when the stream can take more. */
  async write(line: string): Promise<void> {
    if (!this.#stream.write(`${line}\n`)) await once(this.#stream, 'drain');
  }

  /** Flush and close the file (stdout is left open). */
  async close(): Promise<void> {
    if (!this.#file) return;
    this.#file.end();
    await once(this.#file, 'finish');
  }
}
