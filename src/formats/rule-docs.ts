/** Where a rule's documentation page lives (generated from its metadata into docs/rules/). */
export const RULE_DOCS_BASE = 'https://archwright.dev/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId.split('/').map(encodeURIComponent).join('/')}`;
}
