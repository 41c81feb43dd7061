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
  readonly urls?: string;
  readonly contact?: string;
}

/** Add the input options to a command. */
export function withInputOptions(command: Command): Command {
  for (const [flags, description, fallback] of INPUT_OPTIONS) command.option(flags, description, fallback);
  return command
    .option('--max-chars <n>', 'reject article texts longer than this many characters', '2000000')
    .option('--urls <file>', 'also read the article pages listed in this file (one http(s) URL per line)')
    .option('--contact <url>', 'URL or e-mail of whoever runs narrascope, sent in the User-Agent when fetching feeds and pages')
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

/** The web side of the inputs: `--urls FILE` and `--contact`. */
export function webOptionsFrom(flags: InputFlags): WebFlags {
  return { ...(flags.urls !== undefined ? { urls: flags.urls } : {}), ...(flags.contact !== undefined ? { contact: flags.contact } : {}) };
}

/** Where the web inputs of a command come from besides its URL arguments. */
export interface WebFlags {
  readonly urls?: string;
  readonly contact?: string;
}

/** Throw a usage error when a command was given nothing to read. */
export function requireInputs(inputs: readonly string[], flags: InputFlags): void {
  if (inputs.length === 0 && flags.urls === undefined) throw new UsageError("missing required argument 'inputs': give at least one input (file, folder, feed URL or -) or --urls FILE");
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
