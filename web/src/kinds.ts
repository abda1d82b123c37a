/**
 * How each kind is drawn. Colour AND shape tell kinds apart, so the graph reads in greyscale and for
 * colour-blind readers (the fills are the Okabe–Ito palette); the legend is drawn from this one table.
 */

export const KINDS = [
  'Person',
  'Organisation',
  'Agreement',
  'Programme',
  'Clause',
  'Commitment',
  'Event',
  'Place',
  'Source',
] as const;
export type Kind = (typeof KINDS)[number];

export interface KindStyle {
  colour: string;
  shape: string;
  /** SVG points (in a 0..20 box) drawing the same shape in the legend and lists. */
  icon: string;
}

export const KIND_STYLE: Record<Kind, KindStyle> = {
  Person: { colour: '#D55E00', shape: 'ellipse', icon: 'circle' },
  Organisation: { colour: '#0072B2', shape: 'round-rectangle', icon: '2,4 18,4 18,16 2,16' },
  Agreement: { colour: '#009E73', shape: 'diamond', icon: '10,1 19,10 10,19 1,10' },
  Programme: { colour: '#CC79A7', shape: 'hexagon', icon: '5,2 15,2 19,10 15,18 5,18 1,10' },
  Clause: { colour: '#8C6D31', shape: 'rectangle', icon: '4,1 16,1 16,19 4,19' },
  Commitment: { colour: '#E69F00', shape: 'triangle', icon: '10,1 19,18 1,18' },
  Event: { colour: '#F0E442', shape: 'star', icon: '10,1 12.4,7 19,7 13.7,11 15.6,18 10,14 4.4,18 6.3,11 1,7 7.6,7' },
  Place: { colour: '#56B4E9', shape: 'pentagon', icon: '10,1 19,8 15.5,19 4.5,19 1,8' },
  Source: { colour: '#999999', shape: 'rhomboid', icon: '5,3 19,3 15,17 1,17' },
};

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
