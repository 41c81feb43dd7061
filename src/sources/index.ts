/**
 * Web inputs: RSS/Atom/JSON feeds and URL lists, fetched politely (robots.txt, per-host queues,
 * timeouts, size caps, an honest User-Agent) and incrementally (conditional GET; pages read once,
 * recorded in the store).
 */
export { WebSources, type WebSourcesOptions } from './collect.js';
export { MemoryFetchState, userAgent, type FetchOptions, type FetchState, type HostLimits, type SourceInput } from './options.js';
export { zeroCounts, type FetchCounts } from './context.js';
export { parseFeedText, type FeedEntry, type ParsedFeed } from './feed.js';
export { readUrlList } from './url-list.js';
