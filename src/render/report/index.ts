export { gatherReport } from './gather.js';
export { reportHtml } from './html.js';
export { reportMarkdown } from './markdown.js';
export type { ReportInput } from './model.js';
