// Generated from src/model/model.ts by `npm run model`: edit the model, not this file.

export const NODE_KIND_NAMES = ["Organisation","Person","Agreement","Programme","Clause","Commitment","Place","Event","Source","Statement","Figure"] as const;
export type NodeKindName = (typeof NODE_KIND_NAMES)[number];

export interface KindDisplay {
  colour: string;
  shape: string;
  icon: string;
}

export const KIND_DISPLAY: Record<NodeKindName, KindDisplay> = {
  "Organisation": {
    "colour": "#0072B2",
    "shape": "round-rectangle",
    "icon": "2,4 18,4 18,16 2,16"
  },
  "Person": {
    "colour": "#D55E00",
    "shape": "ellipse",
    "icon": "circle"
  },
  "Agreement": {
    "colour": "#009E73",
    "shape": "diamond",
    "icon": "10,1 19,10 10,19 1,10"
  },
  "Programme": {
    "colour": "#CC79A7",
    "shape": "hexagon",
    "icon": "5,2 15,2 19,10 15,18 5,18 1,10"
  },
  "Clause": {
    "colour": "#8C6D31",
    "shape": "rectangle",
    "icon": "4,1 16,1 16,19 4,19"
  },
  "Commitment": {
    "colour": "#E69F00",
    "shape": "triangle",
    "icon": "10,1 19,18 1,18"
  },
  "Place": {
    "colour": "#56B4E9",
    "shape": "pentagon",
    "icon": "10,1 19,8 15.5,19 4.5,19 1,8"
  },
  "Event": {
    "colour": "#F0E442",
    "shape": "star",
    "icon": "10,1 12.4,7 19,7 13.7,11 15.6,18 10,14 4.4,18 6.3,11 1,7 7.6,7"
  },
  "Source": {
    "colour": "#999999",
    "shape": "rhomboid",
    "icon": "5,3 19,3 15,17 1,17"
  },
  "Statement": {
    "colour": "#000000",
    "shape": "tag",
    "icon": "2,3 18,3 18,14 9,14 5,18 5,14 2,14"
  },
  "Figure": {
    "colour": "#0B3D91",
    "shape": "octagon",
    "icon": "6,1 14,1 19,6 19,14 14,19 6,19 1,14 1,6"
  }
};

/** Each kind's id prefix: the page knows a shared view's selected node's kind before any answer. */
export const ID_PREFIXES: Record<NodeKindName, string> = {
  "Organisation": "org-",
  "Person": "per-",
  "Agreement": "agr-",
  "Programme": "prg-",
  "Clause": "cla-",
  "Commitment": "com-",
  "Place": "plc-",
  "Event": "evt-",
  "Source": "src-",
  "Statement": "stm-",
  "Figure": "fig-"
};
