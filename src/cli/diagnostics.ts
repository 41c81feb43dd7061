import type { Diagnostic } from '../types/index.js';

/**
 * One line for stderr, naming where the problem is: `narrascope: error: data.jsonl:17: field
 * "text": field "text" is empty [record/empty-text]`.
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [diagnostic.file, diagnostic.line].filter((part) => part !== undefined).join(':');
  const field = diagnostic.field ? `field "${diagnostic.field}":` : '';
  const place = [where ? `${where}:` : '', field].filter((part) => part !== '').join(' ');
  return `narrascope: ${diagnostic.severity}: ${place ? `${place} ` : ''}${diagnostic.message} [${diagnostic.code}]`;
}

/** Counts diagnostics written to stderr during a run, to choose the exit code. */
export class DiagnosticLog {
  errors = 0;
  warnings = 0;
  constructor(private readonly quiet: boolean = false) {}

  /** Print a diagnostic to stderr (warnings only unless quiet) and count it. */
  report(diagnostic: Diagnostic): void {
    if (diagnostic.severity === 'error') this.errors++;
    else this.warnings++;
    if (diagnostic.severity === 'error' || !this.quiet) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  }
}
