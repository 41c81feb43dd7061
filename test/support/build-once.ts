import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Compile src/ to dist/ so end-to-end tests exercise the same files `npx narrascope` runs. */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}
