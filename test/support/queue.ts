/** Worker and producer processes of the queue tests: the real CLI, as separate processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** A running CLI process and what it printed so far. */
export interface Spawned {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code (or the signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

/** Start `bin/narrascope.js` with arguments (and extra environment). */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'narrascope.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const spawned: Spawned = {
    child, stdout: '', stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1))),
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { spawned.stdout += chunk; });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { spawned.stderr += chunk; });
  return spawned;
}

/** A queue worker process (1 thread, 1 s lock so a dead worker's jobs move on quickly). */
export function spawnWorker(url: string, env: Record<string, string> = {}, threads = 1): Spawned {
  return spawnCli(['worker', '--queue', url, '--workers', String(threads), '--lock-duration', '1000'], env);
}

/** Stop a process (SIGTERM, then SIGKILL after `graceMs`) and wait for it. */
export async function stopProcess(spawned: Spawned, graceMs = 10_000): Promise<number | string> {
  if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) return spawned.exited;
  spawned.child.kill('SIGTERM');
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), graceMs);
  try {
    return await spawned.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Wait until `condition` holds (polled every 25 ms) or fail after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
