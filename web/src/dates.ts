/**
 * Partial ISO dates (`2008`, `2008-01`, `2008-01-29`) as the model stores them. A partial date is a span
 * of days, so filtering asks whether two spans overlap rather than comparing strings.
 */

const PARTIAL = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function isPartialDate(value: string): boolean {
  return PARTIAL.test(value);
}

/** First and last day covered by a partial date, as `YYYY-MM-DD` strings (which sort as dates). */
export function dateSpan(value: string): [string, string] | null {
  const m = PARTIAL.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return [value, value];
  if (mo) {
    const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, '0')}`];
  }
  return [`${y}-01-01`, `${y}-12-31`];
}

/** Whether a partial date can fall within [from, to] (either bound may be missing). */
export function overlaps(value: string, from?: string, to?: string): boolean {
  const span = dateSpan(value);
  if (!span) return true;
  const lo = from ? dateSpan(from)?.[0] : undefined;
  const hi = to ? dateSpan(to)?.[1] : undefined;
  return (!lo || span[1] >= lo) && (!hi || span[0] <= hi);
}

/** `29 Jan 2008`, `Jan 2008` or `2008`: the precision the source gives, no more. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = PARTIAL.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}
