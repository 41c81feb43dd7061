/**
 * The worker-thread entry of the parallel runner (piscina loads the compiled
 * `dist/pipeline/worker.js`). Each worker imports the stages once, so the wink-nlp model is
 * loaded once per worker (lazily, on its first article) and reused for every later task.
 */
import { runAnalyzeTask, runPrepareTask, type AnalyzeTask, type AnalyzeTaskResult, type PrepareResult, type PrepareTask } from './task.js';

/** Prepare (clean, fingerprint) or analyse one article; a throw becomes a per-article failure in the main thread. */
export default function analyzeInWorker(task: AnalyzeTask | PrepareTask): AnalyzeTaskResult | PrepareResult {
  return 'kind' in task && task.kind === 'prepare' ? runPrepareTask(task) : runAnalyzeTask(task as AnalyzeTask);
}
