import { KIND_DISPLAY, NODE_KIND_NAMES, type KindDisplay, type NodeKindName } from './model.generated';

/**
 * How each kind is drawn. Colour AND shape tell kinds apart, so the graph reads in greyscale and for
 * colour-blind readers (the fills are the Okabe–Ito palette); the legend is drawn from this one table.
 */

/** The kinds the legend shows, in the model's order, and how each is drawn: both come from src/model/model.ts
 * (through web/src/model.generated.ts, written by `npm run model`). */
export const KINDS = NODE_KIND_NAMES;
export type Kind = NodeKindName;
export type KindStyle = KindDisplay;

export const KIND_STYLE: Record<Kind, KindStyle> = KIND_DISPLAY;

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** A small inline SVG of a kind's shape and colour, for the legend, search results and panel. */
export function kindIcon(kind: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '14');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('kind-icon');
  const style = isKind(kind) ? KIND_STYLE[kind] : { colour: '#fff', icon: 'circle' };
  const shape =
    style.icon === 'circle' ? document.createElementNS(ns, 'circle') : document.createElementNS(ns, 'polygon');
  if (style.icon === 'circle') {
    shape.setAttribute('cx', '10');
    shape.setAttribute('cy', '10');
    shape.setAttribute('r', '8');
  } else shape.setAttribute('points', style.icon);
  shape.setAttribute('fill', style.colour);
  shape.setAttribute('stroke', '#1a1a1a');
  shape.setAttribute('stroke-width', '1.5');
  svg.append(shape);
  return svg;
}
