/**
 * The view lives in the URL (`?selected=…&expanded=a,b&from=…&to=…&path=a,b`), so copying the address
 * shares exactly what is on screen; ids are the API's stable ids.
 */

export interface ViewState {
  selected?: string;
  expanded: string[];
  from?: string;
  to?: string;
  path?: [string, string];
}

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
const list = (v: string | null) => (v ? v.split(',').filter((id) => ID.test(id)) : []);

export function readView(search = location.search): ViewState {
  const p = new URLSearchParams(search);
  const selected = p.get('selected') ?? undefined;
  const path = list(p.get('path'));
  return {
    selected: selected && ID.test(selected) ? selected : undefined,
    expanded: [...new Set(list(p.get('expanded')))].slice(0, 50),
    from: p.get('from') || undefined,
    to: p.get('to') || undefined,
    path: path.length === 2 ? [path[0]!, path[1]!] : undefined,
  };
}

export function viewQuery(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.path) p.set('path', v.path.join(','));
  if (v.expanded.length) p.set('expanded', v.expanded.join(','));
  if (v.selected) p.set('selected', v.selected);
  if (v.from) p.set('from', v.from);
  if (v.to) p.set('to', v.to);
  const s = p.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

export function writeView(v: ViewState): void {
  const next = `${location.pathname}${viewQuery(v)}`;
  if (next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
}

/** The nodes a view starts expanded: those listed, or else the selected one (not in path mode). */
export function initialExpansions(v: ViewState): string[] {
  return v.expanded.length ? v.expanded : v.selected && !v.path ? [v.selected] : [];
}
