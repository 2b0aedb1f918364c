/** A strict RFC 4180 reader for the tests: every field quoted, CRLF between records. */
export function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < input.length) {
    if (input[i] !== '"') throw new Error(`unquoted field at ${i}`);
    let value = '';
    i++;
    for (;;) {
      if (i >= input.length) throw new Error('unterminated field');
      if (input[i] === '"') {
        if (input[i + 1] === '"') { value += '"'; i += 2; continue; }
        i++;
        break;
      }
      value += input[i++];
    }
    row.push(value);
    if (input[i] === ',') { i++; continue; }
    if (input.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; continue; }
    throw new Error(`unexpected ${JSON.stringify(input[i])} at ${i}`);
  }
  if (row.length) throw new Error('missing final CRLF');
  return rows;
}
