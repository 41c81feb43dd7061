/**
 * The worker-thread entry of `narrascope worker` (piscina loads the compiled
 * `dist/queue/thread.js`). One thread task is a *chunk* of a job's tasks (one article by default,
 * `worker --chunk N`; one event of `compare`): the thread runs them one after the other and hands
 * back the chunk's outcomes already in the wire format (codec.ts), as UTF-8 bytes moved (not
 * copied) to the main thread. The process's main thread then only joins a job's bytes and sends
 * them to Redis: before, it copied every ~45 KB result line twice more (the thread's string, then
 * the string as UTF-8 for the socket) and encoded the batch, ~1 ms of its CPU per article
 * (CPU profile of a 2,000-article run).
 */
import { Buffer } from 'node:buffer';
import { Piscina } from 'piscina';
import { runAnalyzeTask, type AnalyzeTask } from '../pipeline/task.js';
import { encodeOutcomes, type TaskOutcome } from './codec.js';
import { runNarrativeTask, type NarrativeTask } from './narrative-task.js';

/** One thread task: a run of consecutive tasks of one job. */
export interface ThreadChunk {
  readonly kind: string;
  readonly tasks: readonly unknown[];
}

/** What one task of a chunk comes to, by kind. */
const RUNNERS: Readonly<Record<string, (task: unknown) => TaskOutcome>> = {
  analyze: (task) => {
    const { json, diagnostics, track } = runAnalyzeTask(task as AnalyzeTask);
    return { ok: true, json, diagnostics, ...(track !== undefined ? { track } : {}) };
  },
  narratives: (task) => ({ ok: true, json: runNarrativeTask(task as NarrativeTask), diagnostics: [] }),
};

/** Run a chunk's tasks in order; a task that throws is that task's failure, never the chunk's. */
export default function runChunk(chunk: ThreadChunk): Uint8Array {
  const run = RUNNERS[chunk.kind];
  const outcomes = chunk.tasks.map((task): TaskOutcome => {
    if (!run) return { ok: false, reason: `this worker does not know task kind "${chunk.kind}" (is narrascope on this machine up to date?)` };
    try {
      return run(task);
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  });
  const text = encodeOutcomes(outcomes);
  // An unpooled buffer (a pooled one shares its memory with others and cannot be moved).
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
  bytes.write(text, 'utf8');
  return Piscina.move(bytes) as unknown as Uint8Array;
}

/** The task kinds a thread knows. */
export const THREAD_KINDS: readonly string[] = Object.keys(RUNNERS);
