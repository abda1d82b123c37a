import { NODE_KINDS, type NodeKindName } from '../model/model';
import type { Value } from './graph';

/** What every writer reads from a fact: its evidence pairs, its label and its plain properties. */

export interface Evidence {
  source: string;
  quote: string;
}

export function evidenceOf(props: Record<string, Value>): Evidence[] {
  const sources = (props.evidenceSources as string[] | undefined) ?? [];
  const quotes = (props.evidenceQuotes as string[] | undefined) ?? [];
  return sources.map((source, i) => ({ source, quote: quotes[i] ?? '' }));
}

export const distinctSources = (evidence: Evidence[]) => [...new Set(evidence.map((e) => e.source))];

/** The node's name or title, as its kind is labelled in the model. */
export function labelOf(kind: NodeKindName, props: Record<string, Value>): string {
  const field = NODE_KINDS[kind]?.label ?? 'name';
  return String(props[field] ?? props.id);
}

export const str = (v: Value | undefined): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** A partial date (`2008`, `2008-01`) as the first day it covers: formats that want full dates get one. */
export function firstDay(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined;
}
