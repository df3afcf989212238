/** Runs the enabled rules over a design and applies configuration and risk tracking. */
import type { Design } from '../model/design.js';
import type { DesignError } from '../model/errors.js';
import { suggestNearest } from '../model/errors.js';
import type { SeveritySettingName } from '../model/schema.js';
import { impliedRegimes } from './regimes.js';
import type { Finding, Regime, Rule, RuleOption, Severity } from './types.js';
import { SEVERITY_RANK } from './types.js';

export interface RuleSetting {
  severity?: SeveritySettingName;
  options?: Record<string, unknown>;
}

export interface ReviewOptions {
  /** Overrides from the command line, applied after the design's `checks.rules`. */
  overrides?: Record<string, RuleSetting>;
  /** The day against which `until` dates of accepted risks are judged. */
  today?: Date;
  /**
   * Where the analyses rules share (ctx.shared) are kept; pass a map to read
   * them after the review (a diff takes the capacity analysis from it).
   */
  shared?: Map<string, unknown>;
}

export interface Review {
  findings: Finding[];
  /** Ids of the rules that ran. */
  rulesRun: string[];
  regimes: Regime[];
  /** Mistakes in the rule configuration (unknown rule ids, bad options). */
  errors: DesignError[];
}

export function review(design: Design, rules: readonly Rule[], options: ReviewOptions = {}): Review {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const errors: DesignError[] = [];
  const settings = new Map<string, RuleSetting>();

  const designRules = design.checks?.rules ?? {};
  for (const [id, setting] of Object.entries(designRules)) {
    const source = { file: design.file, path: ['checks', 'rules'] };
    if (!byId.has(id)) {
      const nearest = suggestNearest(id, byId.keys());
      errors.push({
        code: 'unknown-id', message: `checks.rules: unknown rule "${id}"`, location: design.locate(source, [id]),
        hint: nearest ? `did you mean "${nearest}"?` : 'archwright rules lists them',
      });
      continue;
    }
    settings.set(id, typeof setting === 'string' ? { severity: setting } : { ...setting });
  }
  for (const [id, setting] of Object.entries(options.overrides ?? {})) {
    const earlier = settings.get(id) ?? {};
    settings.set(id, { severity: setting.severity ?? earlier.severity, options: { ...earlier.options, ...setting.options } });
  }

  const regimes = new Set<Regime>([...(design.system.compliance as Regime[]), ...impliedRegimes(design)]);
  const sharedValues = options.shared ?? new Map<string, unknown>();
  const findings: Finding[] = [];
  const rulesRun: string[] = [];

  for (const rule of rules) {
    const setting = settings.get(rule.id);
    if (setting?.severity === 'off') continue;
    if (rule.regime && !regimes.has(rule.regime)) continue;
    const ruleOptions = resolveOptions(rule, setting?.options, errors, design);
    const severity: Severity = (setting?.severity as Severity | undefined) ?? rule.severity;
    const seen = new Set<string>();
    rulesRun.push(rule.id);
    rule.check({
      design,
      options: ruleOptions,
      regimes,
      shared: <T>(key: string, compute: () => T): T => {
        if (!sharedValues.has(key)) sharedValues.set(key, compute());
        return sharedValues.get(key) as T;
      },
      report: (input) => {
        const id = `${rule.id}@${input.subject.id}${input.detail ? `#${input.detail}` : ''}`;
        if (seen.has(id)) return;
        seen.add(id);
        const source = input.source ?? sourceOf(design, input.subject.id);
        findings.push({
          id,
          rule: rule.id,
          severity: setting?.severity ? severity : (input.severity ?? severity),
          message: input.message,
          subject: input.subject,
          location: source ? design.locate(source, input.field) : undefined,
          evidence: input.evidence,
          fix: input.fix ?? rule.fix,
          citations: rule.citations,
          status: 'open',
        });
      },
    });
  }

  applyRisks(design, findings, options.today ?? new Date());
  findings.sort(compareFindings);
  return { findings, rulesRun, regimes: [...regimes].sort(), errors };
}

function sourceOf(design: Design, id: string) {
  if (id === design.system.name || id === 'system') return design.system.source;
  return design.byId.get(id)?.element.source;
}

function resolveOptions(rule: Rule, given: Record<string, unknown> | undefined, errors: DesignError[], design: Design) {
  const out: Record<string, RuleOption['default']> = {};
  for (const [name, option] of Object.entries(rule.options ?? {})) out[name] = option.default;
  for (const [name, value] of Object.entries(given ?? {})) {
    const option = rule.options?.[name];
    if (!option || typeof value !== typeof option.default) {
      errors.push({
        code: 'schema',
        message: option
          ? `checks.rules.${rule.id}.options.${name}: expected a ${typeof option.default}, found ${JSON.stringify(value)}`
          : `checks.rules.${rule.id}: unknown option "${name}"`,
        location: design.locate({ file: design.file, path: ['checks', 'rules', rule.id] }, ['options', name]),
        hint: option ? undefined : `options: ${Object.keys(rule.options ?? {}).join(', ') || 'none'}`,
      });
      continue;
    }
    out[name] = value as RuleOption['default'];
  }
  return out;
}

/** Applies `risks:` entries: a matching, unexpired entry sets the finding's status. */
function applyRisks(design: Design, findings: Finding[], today: Date) {
  if (design.risks.length === 0) return;
  const todayIso = today.toISOString().slice(0, 10);
  for (const finding of findings) {
    const risk = design.risks.find((r) => r.finding === finding.id || r.finding === `${finding.rule}@${finding.subject.id}` || r.finding === finding.rule);
    if (!risk) continue;
    if (risk.until && risk.until < todayIso) {
      finding.statusNote = `${risk.status} by ${risk.by} until ${risk.until}: expired, so the finding is open again`;
      continue;
    }
    finding.status = risk.status;
    finding.statusNote = `${risk.status} by ${risk.by}${risk.until ? ` until ${risk.until}` : ''}: ${risk.why}`;
  }
}

function compareFindings(a: Finding, b: Finding): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.location?.line ?? 0;
  const lb = b.location?.line ?? 0;
  if (la !== lb) return la - lb;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Exit status for `check`: 1 when an open finding reaches the threshold. */
export function reachesThreshold(findings: readonly Finding[], failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => f.status === 'open' && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
