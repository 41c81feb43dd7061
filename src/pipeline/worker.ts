/**
 * The worker-thread entry of the parallel runner (piscina loads the compiled
 * `dist/pipeline/worker.js`). Each worker imports the stages once, so the wink-nlp model is
 * loaded once per worker (lazily, on its first article) and reused for every later task.
 */
import { workerData } from 'node:worker_threads';
import { useSharedEmbeddings } from '../adapters/embeddings.js';
import { runAnalyzeTask, runPrepareTask, runWholeTask, type AnalyzeTask, type AnalyzeTaskResult, type PrepareResult, type PrepareTask, type WholeResult, type WholeTask } from './task.js';

// Word vectors shared by the main thread (claim tracking): wrap its buffer, never read the file.
const shared: unknown = (workerData as { embeddings?: unknown } | null)?.embeddings;
if (shared instanceof SharedArrayBuffer) useSharedEmbeddings(shared);

/** Prepare (clean, fingerprint), analyse, or both for one article; a throw becomes a per-article failure in the main thread. */
export default function analyzeInWorker(task: AnalyzeTask | PrepareTask | WholeTask): AnalyzeTaskResult | PrepareResult | WholeResult {
  if ('kind' in task && task.kind === 'prepare') return runPrepareTask(task);
  if ('kind' in task && task.kind === 'whole') return runWholeTask(task);
  return runAnalyzeTask(task as AnalyzeTask);
}
