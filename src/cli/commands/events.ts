import type { Command } from 'commander';
import { groupEvents, type EventInput } from '../../events/index.js';
import { DiagnosticLog } from '../diagnostics.js';
import { ingestOptionsFrom, requireInputs, UsageError, webOptionsFrom, withInputOptions, type InputFlags } from '../input-options.js';
import { LineWriter } from '../output.js';
import { readArticles } from '../read-articles.js';

const KEEP_CHARS = 3000;

interface EventsFlags extends InputFlags {
  readonly out?: string;
  readonly window: string;
  readonly threshold: string;
}

/** `narrascope events <inputs...>`: which articles cover the same event, one JSON line each. */
export function registerEvents(program: Command): void {
  const command = program
    .command('events')
    .description('group articles that cover the same event (date window, title/lead similarity); one JSON line per article: {id, event[, wireCopyOf]}')
    .argument('[inputs...]', '.txt, .jsonl, .jsonl.gz or .html files, folders of them, or - for JSONL on stdin, or feed URLs (http(s)://...: RSS, Atom or JSON Feed)')
    .option('-o, --out <file>', 'write JSONL to this file instead of stdout')
    .option('--window <days>', 'articles further apart than this many days are different events', '3')
    .option('--threshold <x>', 'title + lead similarity (0..1) at which articles are the same event', '0.25');
  withInputOptions(command).action(async (inputs: string[], flags: EventsFlags) => {
    requireInputs(inputs, flags);
    const windowDays = Number(flags.window);
    const threshold = Number(flags.threshold);
    if (!(windowDays >= 0)) throw new UsageError(`--window must be a number of days, got "${flags.window}"`);
    if (!(threshold > 0 && threshold <= 1)) throw new UsageError(`--threshold must be in (0, 1], got "${flags.threshold}"`);
    const log = new DiagnosticLog(flags.quiet ?? false);
    // Grouping needs the whole corpus at once (document frequencies), so only what it reads is
    // kept: title, date, outlet and the first KEEP_CHARS characters (the lead, and enough text to
    // tell wire copy, which matches from its first paragraph), about 3 KB per article.
    const inputsRead: EventInput[] = [];
    for await (const article of readArticles(inputs, ingestOptionsFrom(flags), log, flags.strict ?? false, webOptionsFrom(flags))) {
      inputsRead.push({ id: article.id, outlet: article.outlet, date: article.date, title: article.title, text: article.text.slice(0, KEEP_CHARS) });
    }
    const writer = new LineWriter(flags.out);
    try {
      for (const assignment of groupEvents(inputsRead, { windowDays, threshold })) await writer.write(JSON.stringify(assignment));
    } finally {
      await writer.close();
    }
    process.exitCode = log.errors > 0 ? 1 : 0;
  });
}
