/**
 * Loaded with `node --import` into an `analyze` process that `narrascope bench` times (see
 * process.ts): at exit it reports the process's CPU time (all threads) and peak RSS on stderr,
 * one marked JSON line, which the bench reads and removes from what it shows.
 */
import { USAGE_MARK } from './usage-mark.js';

process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write(`${USAGE_MARK}${JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
});
