import { badInput } from './errors';

/**
 * Checks of argument values that the schema's types cannot express (ranges, lengths), each failing with a
 * BAD_USER_INPUT that names the argument and what it accepts, before anything reaches the database.
 */

/** Largest page of a list, and largest number of hits or paths. */
export const MAX_PAGE_SIZE = 100;
export const MAX_ID_LENGTH = 200;

export function intInRange(value: number | null | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be between ${min} and ${max}, got ${value}`, name);
  }
  return value;
}

export function optionalIntAtLeast(value: number | null | undefined, name: string, min: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min) throw badInput(`${name} must be at least ${min}, got ${value}`, name);
  return value;
}

export function pageSize(value: number | null | undefined, name = 'first'): number {
  return intInRange(value, name, 1, MAX_PAGE_SIZE, 20);
}

/** An id argument: non-empty and of a sane length (anything else cannot name a node). */
export function idArg(value: string, name: string): string {
  if (value.length === 0 || value.length > MAX_ID_LENGTH) {
    throw badInput(`${name} must be a node id of 1 to ${MAX_ID_LENGTH} characters`, name);
  }
  return value;
}

export function optionalId(value: string | null | undefined, name: string): string | null {
  return value === null || value === undefined ? null : idArg(value, name);
}

export function textArg(value: string, name: string, max: number): string {
  if (value.trim().length === 0) throw badInput(`${name} must not be empty`, name);
  if (value.length > max) throw badInput(`${name} must be at most ${max} characters, got ${value.length}`, name);
  return value;
}

/** A list argument where an empty list would mean "nothing": null stands for "all". */
export function nonEmptyOrNull<T>(value: readonly T[] | null | undefined, name: string): readonly T[] | null {
  if (value === null || value === undefined) return null;
  if (value.length === 0) throw badInput(`${name} must list at least one value, or be omitted for all`, name);
  return value;
}
