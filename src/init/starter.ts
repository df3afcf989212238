/**
 * The starter design `archwright init` writes: the research answers (purpose,
 * scope, users, key functions, constraints, compliance) as YAML, with comments
 * that say what to add next. Pure: answers in, text out.
 */
import yaml from 'js-yaml';

export type UserKindName = 'end-user' | 'developer' | 'operator' | 'admin' | 'partner' | 'system';
export type RegimeName = 'gdpr' | 'hipaa' | 'pci' | 'soc2' | 'ccpa';

export interface StarterUser {
  kind: UserKindName;
  name?: string;
}

export interface StarterAnswers {
  name: string;
  purpose?: string;
  scopeIn: string[];
  scopeOut: string[];
  users: StarterUser[];
  /** Key functions: each becomes a function requirement. */
  functions: string[];
  budget?: { monthly: number; currency: string };
  deadline?: string;
  engineers?: number;
  compliance: RegimeName[];
}

export interface StarterOptions {
  /** Where editors find the JSON Schema, relative to the design file or a URL. */
  schemaRef: string;
}

export function starterDesign(answers: StarterAnswers, options: StarterOptions): string {
  const sections: string[] = [
    `# yaml-language-server: $schema=${options.schemaRef}`,
    '#',
    `# ${answers.name}: a starter design written by archwright init from the research answers.`,
    '# Run `archwright check` after each change: its findings say what is still missing.',
    'archwright: 1',
    '',
    dump({ system: systemOf(answers) }),
    '# Who uses the system. `uses:` lists the components each user enters by, once they exist.',
    dump({ users: usersOf(answers.users) }),
    '# What the system must do. Add quality requirements with measurable targets, e.g.',
    "#   - { id: Q1, kind: quality, text: Replies feel instant., target: { latencyP99: 300ms } }",
    dump({ requirements: requirementsOf(answers) }),
    ...nextSteps(answers.compliance),
  ];
  return sections.join('\n') + '\n';
}

// Block style only: js-yaml's flow style leaves some plain scalars unquoted that then read back
// differently (a function named ".:," became a mapping); block style round-trips every string.
function dump(value: unknown): string {
  return yaml.dump(value, { lineWidth: -1, noRefs: true, quotingType: '"' });
}

function systemOf(a: StarterAnswers): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (a.budget) constraints.budget = a.budget;
  if (a.deadline) constraints.deadline = a.deadline;
  if (a.engineers !== undefined) constraints.engineers = a.engineers;
  return {
    name: a.name,
    ...(a.purpose ? { purpose: a.purpose } : {}),
    scope: { in: a.scopeIn, out: a.scopeOut },
    ...(Object.keys(constraints).length ? { constraints } : {}),
    compliance: a.compliance,
  };
}

/** Users get ids from their names (or kinds), unique within the design. */
function usersOf(users: StarterUser[]): Record<string, unknown>[] {
  const taken = new Set<string>();
  return users.map((u) => {
    const base = slug(u.name ?? '') || u.kind;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { id, kind: u.kind, ...(u.name ? { name: u.name } : {}), uses: [] };
  });
}

function requirementsOf(a: StarterAnswers): Record<string, unknown>[] {
  const scopes = new Set(a.scopeIn);
  return a.functions.map((text, i) => ({
    id: `R${i + 1}`,
    kind: 'function',
    text,
    ...(scopes.has(text) ? { scope: text } : {}),
  }));
}

function nextSteps(compliance: RegimeName[]): string[] {
  const lines = [
    '# Next, in the order the method works:',
    '# data:        what the system holds: classification, subjects, retention, lawfulBasis',
    '# zones:       trust boundaries (internet, edge, core, data)',
    '# components:  services, gateways, stores, queues; add each requirement id to a `serves:`',
    '# links:       who calls whom, with protocol, tls and auth',
    '# workloads:   rate (or users and thinkTime), peakFactor, growth and the call path',
    '# decisions:   the choices a reviewer will question, with context and consequences',
  ];
  if (compliance.includes('gdpr')) lines.push('# GDPR:        name the controller (system.controller) and a lawfulBasis for personal data');
  if (compliance.includes('hipaa')) lines.push('# HIPAA:       classify PHI as `phi`, and hold a BAA with every processor that sees it');
  if (compliance.includes('pci')) lines.push('# PCI DSS:     mark the cardholder data environment (zones[].cde) and keep PAN inside it');
  return lines;
}

export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
}
