/** The prefix of the usage line an `analyze` child writes at exit for `narrascope bench`. */
export const USAGE_MARK = 'narrascope-bench-usage ';
