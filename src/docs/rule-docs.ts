/**
 * The rule reference in docs/rules/, rendered from rule metadata so that the
 * pages cannot drift from the code: one page per rule and an index by pack.
 * Pure: returns file contents; scripts/generate-docs.js writes them.
 */
import type { RuleMeta } from '../rules/types.js';

export interface DocFile {
  /** Path relative to docs/rules/, with forward slashes. */
  path: string;
  content: string;
}

const GENERATED = '<!-- Generated from the rule metadata by `npm run docs`. Do not edit: change the rule in src/rules/packs/ and run the script. -->';

/** A rule's page, relative to docs/rules/: the id with `.md`, e.g. `simplicity/sync-cycle.md`. */
export function rulePagePath(ruleId: string): string {
  return `${ruleId}.md`;
}

/** Every file of docs/rules/: the index (README.md) and one page per rule, index first. */
export function ruleDocs(rules: readonly RuleMeta[]): DocFile[] {
  const pages = [...rules].sort((a, b) => (a.id < b.id ? -1 : 1)).map((rule) => ({ path: rulePagePath(rule.id), content: renderRulePage(rule) }));
  return [{ path: 'README.md', content: renderRuleIndex(rules) }, ...pages];
}

export function renderRulePage(rule: RuleMeta): string {
  const [pack] = rule.id.split('/');
  const lines = [
    GENERATED,
    '',
    `# ${rule.id}`,
    '',
    rule.summary,
    '',
    '| | |',
    '| --- | --- |',
    `| Default severity | ${rule.severity} |`,
    `| Pack | [${pack}](../README.md#${pack}) |`,
    `| Runs | ${rule.regime ? `when the design falls under ${rule.regime.toUpperCase()} (declared in \`system.compliance\` or implied by its data)` : 'on every design'} |`,
    '',
    '## Why',
    '',
    rule.rationale,
    '',
    '## How to fix',
    '',
    rule.fix,
    '',
  ];
  const options = Object.entries(rule.options ?? {});
  if (options.length > 0) {
    lines.push('## Options', '', '| option | default | what it sets |', '| --- | --- | --- |');
    for (const [name, option] of options) lines.push(`| \`${name}\` | \`${JSON.stringify(option.default)}\` | ${cell(option.description)} |`);
    lines.push('');
  }
  lines.push('## Configure', '', 'In the design file (or with `archwright check --rule ' + rule.id + '=off`):', '', '```yaml', 'checks:', '  rules:');
  if (options.length > 0) {
    lines.push(`    ${rule.id}:`, `      severity: ${rule.severity}   # off | info | warning | error`, '      options:');
    for (const [name, option] of options) lines.push(`        ${name}: ${JSON.stringify(option.default)}`);
  } else {
    lines.push(`    ${rule.id}: ${rule.severity}   # off | info | warning | error`);
  }
  lines.push('```', '', 'To accept one finding instead, add it to `risks:` with who, why and an optional `until` date.', '');
  if (rule.citations.length > 0) {
    lines.push('## References', '', ...rule.citations.map((c) => `- ${c}`), '');
  }
  return lines.join('\n');
}

export function renderRuleIndex(rules: readonly RuleMeta[]): string {
  const packs = new Map<string, RuleMeta[]>();
  for (const rule of rules) {
    const [pack] = rule.id.split('/');
    let list = packs.get(pack);
    if (!list) packs.set(pack, (list = []));
    list.push(rule);
  }
  const lines = [
    GENERATED,
    '',
    '# Rules',
    '',
    `archwright ships ${rules.length} rules in ${packs.size} packs. \`archwright rules\` lists them and \`archwright explain <rule>\` prints one of these pages in the terminal.`,
    '',
    ...[...packs.keys()].map((pack) => `- [${pack}](#${pack}) (${packs.get(pack)!.length})`),
    '',
  ];
  for (const [pack, list] of packs) {
    lines.push(`## ${pack}`, '', '| rule | severity | finds |', '| --- | --- | --- |');
    for (const rule of list) {
      const regime = rule.regime ? ` (${rule.regime.toUpperCase()} only)` : '';
      lines.push(`| [${rule.id}](${rulePagePath(rule.id)}) | ${rule.severity} | ${cell(rule.summary)}${regime} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
