// Line table of a text: where each line starts and where its content ends (before the line break).
// Line breaks are \r\n, \n or a lone \r, as CommonMark counts them.

export interface LineTable {
  /** Offset of the first character of each line (index 0 = line 1). */
  readonly starts: readonly number[];
  /** Offset just past the last content character of each line (the line break excluded). */
  readonly ends: readonly number[];
  readonly count: number;
  /** The dominant line ending, as `dominantEol` counts it (counted in the same pass). */
  readonly eol: '\n' | '\r\n' | '\r';
}

export function buildLineTable(text: string): LineTable {
  // Most texts break lines with \n alone: then indexOf finds each break (far faster than a loop),
  // and counting them first lets the arrays be made at their size (growing them copies them).
  if (text.indexOf('\r') < 0) {
    let count = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    const starts: number[] = new Array(count);
    const ends: number[] = new Array(count);
    let start = 0;
    let k = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      starts[k] = start;
      ends[k] = i;
      k++;
      start = i + 1;
    }
    starts[k] = start;
    ends[k] = text.length;
    return { starts, ends, count, eol: '\n' };
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  let lf = 0, crlf = 0, cr = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      starts.push(start);
      ends.push(i);
      if (c === 10) lf++;
      else if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else cr++;
      start = i + 1;
    }
  }
  // The last line (possibly empty when the text ends with a line break).
  starts.push(start);
  ends.push(n);
  return { starts, ends, count: starts.length, eol: eolOf(lf, crlf, cr) };
}

function eolOf(lf: number, crlf: number, cr: number): '\n' | '\r\n' | '\r' {
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/** 1-based line number of an offset (binary search). */
export function lineOfOffset(table: LineTable, offset: number): number {
  const { starts } = table;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo + 1;
}

/** The dominant line ending of a text (the most frequent; \n when there is none). */
export function dominantEol(text: string): '\n' | '\r\n' | '\r' {
  let lf = 0, crlf = 0, cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) { crlf++; i++; } else cr++;
    } else if (c === 10) lf++;
  }
  return eolOf(lf, crlf, cr);
}
