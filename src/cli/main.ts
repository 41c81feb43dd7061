import { Command, CommanderError } from 'commander';
import { registerAnalyze } from './commands/analyze.js';
import { registerBench } from './commands/bench.js';
import { registerCompare } from './commands/compare.js';
import { registerEval } from './commands/eval.js';
import { registerEvents } from './commands/events.js';
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

// Exit codes: 0 ok, 1 some inputs failed, 2 usage error.
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
