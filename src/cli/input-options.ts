import type { Command } from 'commander';
import type { IngestOptions } from '../01-ingest/index.js';

/** Options every command that reads articles accepts, declared once as a table. */
const INPUT_OPTIONS = [
  ['--id-field <name>', 'JSONL field holding the article id', 'id'],
  ['--text-field <name>', 'JSONL field holding the article text', 'text'],
  ['--title-field <name>', 'JSONL field holding the title', 'title'],
  ['--outlet-field <name>', 'JSONL field holding the outlet (publisher)', 'outlet'],
  ['--date-field <name>', 'JSONL field holding the publication date', 'date'],
  ['--url-field <name>', 'JSONL field holding the URL', 'url'],
] as const;

/** The parsed values of the input options. */
export interface InputFlags {
  readonly idField: string;
  readonly textField: string;
  readonly titleField: string;
  readonly outletField: string;
  readonly dateField: string;
  readonly urlField: string;
  readonly maxChars: string;
  readonly strict?: boolean;
  readonly quiet?: boolean;
}

/** Add the input options to a command. */
export function withInputOptions(command: Command): Command {
  for (const [flags, description, fallback] of INPUT_OPTIONS) command.option(flags, description, fallback);
  return command
    .option('--max-chars <n>', 'reject article texts longer than this many characters', '2000000')
    .option('--strict', 'stop at the first bad input instead of reporting it and going on')
    .option('--quiet', 'print errors only, not warnings');
}

/** Turn the parsed flags into ingest options. */
export function ingestOptionsFrom(flags: InputFlags, signal?: AbortSignal): IngestOptions {
  const max = Number(flags.maxChars);
  if (!Number.isInteger(max) || max <= 0) throw new UsageError(`--max-chars must be a positive integer, got "${flags.maxChars}"`);
  return {
    fields: {
      id: flags.idField,
      text: flags.textField,
      title: flags.titleField,
      outlet: flags.outletField,
      date: flags.dateField,
      url: flags.urlField,
    },
    maxTextLength: max,
    ...(signal ? { signal } : {}),
  };
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
