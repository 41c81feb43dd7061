import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerBench } from './commands/bench.js';
import { registerCompare } from './commands/compare.js';
import { registerEval } from './commands/eval.js';
import { registerDrift } from './commands/drift.js';
import { registerEvents } from './commands/events.js';
import { registerHistory } from './commands/history.js';
import { registerRun } from './commands/run.js';
import { registerSchedule } from './commands/schedule.js';
import { registerTrack } from './commands/track.js';
import { UsageError } from './input-options.js';
import { StrictStop } from './read-articles.js';

// `narrascope analyze big.jsonl | head`: the reader closing the pipe is not an error. Stop
// quietly, as Unix tools do, instead of dying with an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('narrascope')
  .description('Reads news coverage and shows where the stories diverge: actors, stance verbs, attributions, narratives.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();
registerAnalyze(program);
registerCompare(program);
registerBench(program);
registerEval(program);
registerEvents(program);
registerRun(program);
registerSchedule(program);
registerHistory(program);
registerDrift(program);
registerTrack(program);

// Exit codes: 0 ok, 1 some inputs failed, 2 usage error (or a bad job file), 75 job already
// running (run), 130/143 interrupted (run).
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version "fail" with exit code 0.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError) {
    process.stderr.write(`narrascope: ${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof StrictStop) {
    process.stderr.write(`narrascope: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
