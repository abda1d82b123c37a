/** Partial ISO dates (`2008`, `2008-01`, `2008-01-29`): the precision is the number of parts given. */
export type DatePrecision = 'year' | 'month' | 'day';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision of a partial date, or undefined when it is not one (including impossible days). */
export function partialDatePrecision(value: string): DatePrecision | undefined {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo === undefined) return 'year';
  const month = Number(mo);
  if (month < 1 || month > 12) return undefined;
  if (d === undefined) return 'month';
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth ? 'day' : undefined;
}

/** The property that stores a date field's precision: `date` → `datePrecision`, `asOf` → `asOfPrecision`. */
export const precisionProperty = (field: string) => `${field}Precision`;
