/**
 * The worker-thread entry of the parallel runner (piscina loads the compiled
 * `dist/pipeline/worker.js`). Each worker imports the stages once, so the wink-nlp model is
 * loaded once per worker (lazily, on its first article) and reused for every later task.
 */
import { runAnalyzeTask, type AnalyzeTask, type AnalyzeTaskResult } from './task.js';

/** Analyse one article; a throw here becomes a per-article failure in the main thread. */
export default function analyzeInWorker(task: AnalyzeTask): AnalyzeTaskResult {
  return runAnalyzeTask(task);
}
