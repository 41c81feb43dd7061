/** The queue's pure parts, table-driven: URL checks and the results' wire format. */
import { describe, expect, it } from 'vitest';
import { decodeOutcomes, encodeOutcomes, type TaskOutcome } from '../src/queue/codec.js';
import { parseQueueUrl } from '../src/queue/connection.js';
import { analysisQueueName, QueueKeys } from '../src/queue/keys.js';
import { chunkSize } from '../src/queue/tasks.js';

describe('parseQueueUrl', () => {
  it.each([
    ['redis://127.0.0.1:6379/0', 'redis://127.0.0.1:6379/0'],
    ['rediss://queue.example:6380', 'rediss://queue.example:6380'],
    ['redis://:s3cret@10.0.0.5:6379/2', 'redis://:***@10.0.0.5:6379/2'],
  ])('accepts %s (shown as %s)', (url, display) => {
    expect(parseQueueUrl(url).display).toBe(display);
  });

  it.each([
    ['localhost:6379', 'must start with redis:// or rediss://'],
    ['http://localhost:6379', 'must start with redis:// or rediss://'],
    ['redis://localhost:6379/queue', 'names database "queue"'],
    ['not a url', 'is not a URL'],
  ])('rejects %s', (url, message) => {
    expect(() => parseQueueUrl(url)).toThrow(message);
  });
});

describe('the results wire format', () => {
  const outcomes: TaskOutcome[] = [
    { ok: true, json: JSON.stringify({ id: 'a1', text: 'line one\nline two "quoted"' }), diagnostics: [] },
    { ok: false, reason: 'the worker process died 3 times\nwhile analysing this article' },
    { ok: true, json: '{"id":"a3"}', diagnostics: [{ severity: 'warning', code: 'clean/duplicate', message: 'x' }] },
    { ok: true, json: '{"id":"a4"}', diagnostics: [], track: '{"claim":"c1","verdict":"supports"}\n{"claim":"c2","verdict":"unaddressed"}' },
  ];

  it('round-trips results, failures, diagnostics and track rows, in order', () => {
    expect(decodeOutcomes(encodeOutcomes(outcomes), 4)).toEqual(outcomes);
  });

  it('decodes the chunks of a batch joined by a newline as the whole batch (how a worker joins its threads\' bytes)', () => {
    const joined = [encodeOutcomes(outcomes.slice(0, 1)), encodeOutcomes(outcomes.slice(1, 3)), encodeOutcomes(outcomes.slice(3))].join('\n');
    expect(joined).toBe(encodeOutcomes(outcomes));
    expect(decodeOutcomes(joined, 4)).toEqual(outcomes);
  });

  it('refuses a payload with fewer outcomes than tasks', () => {
    expect(() => decodeOutcomes(encodeOutcomes(outcomes.slice(0, 2)), 3)).toThrow('hold 2 outcomes, expected 3');
  });
});

describe('queue names', () => {
  it('name the queue after the installed analyzer, without ":" (BullMQ forbids it)', () => {
    const name = analysisQueueName();
    expect(name).toMatch(/^narrascope-[0-9a-f]{12}$/);
    expect(new QueueKeys(name).result('r1', 7)).toBe(`narrascope:${name}:result:r1:7`);
  });
});

describe('chunks of a job', () => {
  it.each([
    ['analyze', 64, 2, 8, 8],
    ['analyze', 10, 2, 8, 3], // two chunks a thread at least, so a job's tail is shared
    ['analyze', 64, 2, 1, 1],
    ['analyze', 1, 4, 8, 1],
    ['narratives', 16, 2, 8, 1], // an event can take seconds: one a chunk, whatever --chunk says
  ] as const)('%s: %i tasks on %i threads, --chunk %i: %i a chunk', (kind, count, threads, most, size) => {
    expect(chunkSize(kind, count, threads, most)).toBe(size);
  });
});
