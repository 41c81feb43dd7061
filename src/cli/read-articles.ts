import { ingest, type IngestEvent, type IngestOptions } from '../01-ingest/index.js';
import { MemoryFetchState, WebSources, type SourceInput } from '../sources/index.js';
import type { Article } from '../types/index.js';
import type { DiagnosticLog } from './diagnostics.js';
import type { WebFlags } from './input-options.js';

/** Thrown to stop a `--strict` run at the first bad input. */
export class StrictStop extends Error {}

const WEB = /^https?:\/\//i;

/**
 * The articles of the inputs, with every ingest diagnostic reported to the log as it comes.
 * An http(s) input is a feed (RSS, Atom or JSON Feed): its entries' pages are fetched and read
 * like `.html` files, after the local inputs, as are the pages `--urls FILE` lists. A command
 * keeps no fetch records: it reads every page each time (a job's store is what makes runs
 * incremental). Under `strict`, the first error ends the stream by throwing {@link StrictStop}.
 */
export async function* readArticles(
  inputs: readonly string[],
  options: IngestOptions,
  log: DiagnosticLog,
  strict: boolean,
  web: WebFlags = {},
): AsyncGenerator<Article> {
  const sources: SourceInput[] = inputs.filter((input) => WEB.test(input)).map((url) => ({ kind: 'feed', url }));
  if (web.urls !== undefined) sources.push({ kind: 'urls', file: web.urls });
  async function* events(): AsyncGenerator<IngestEvent> {
    yield* ingest(inputs.filter((input) => !WEB.test(input)), options);
    if (sources.length === 0) return;
    const reader = new WebSources(sources, {
      state: new MemoryFetchState(), ingest: options,
      ...(web.contact !== undefined ? { contact: web.contact } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    yield* reader.events();
  }
  for await (const event of events()) {
    if (event.kind === 'article') {
      yield event.article;
      continue;
    }
    log.report(event.diagnostic);
    if (strict && event.diagnostic.severity === 'error') throw new StrictStop('stopped at the first bad input (--strict)');
  }
}
