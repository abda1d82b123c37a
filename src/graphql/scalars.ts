import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors';

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `2008`, `2008-01` and `2008-01-29` when the month and day exist. */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const [, year, month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day !== undefined) {
    const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (d.getUTCDate() !== Number(day)) return false;
  }
  return true;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isPartialDate(value)) {
    throw badInput(`PartialDate must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Partial ISO dates, as the sources give them: a year, a month or a day. */
export const PartialDate = new GraphQLScalarType<string, string>({
  name: 'PartialDate',
  description: 'A partial ISO date: `2008`, `2008-01` or `2008-01-29`.',
  serialize: (value) => String(value),
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badInput('PartialDate must be a string such as "2008-01"');
    return parse(ast.value);
  },
});

function literal(ast: import('graphql').ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw badInput('Not a JSON value');
  }
}

/** Any JSON value: the fields of a fact as a data file gives them; the model's validator checks them. */
export const JSON_SCALAR = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literal(ast, variables),
});
