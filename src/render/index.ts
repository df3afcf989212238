export { buildView, focusView, ViewError, VIEW_NAMES, type View, type ViewName, type ViewOptions } from './view.js';
export { toMermaid } from './mermaid.js';
export { toDot } from './dot.js';
export { toD2 } from './d2.js';
export { toSvg } from './svg.js';
