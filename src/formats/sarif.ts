/**
 * SARIF 2.1.0 for code scanning: one run, the rules' metadata as the driver's
 * rules, each finding a result located on the design file's line. The finding
 * id (rule@element) is the partial fingerprint, so a finding keeps its identity
 * when lines move; findings tracked in `risks:` carry a suppression.
 */
import type * as Sarif from 'sarif';
import type { Finding, Rule, Severity } from '../rules/types.js';
import { fileUri } from './paths.js';
import { ruleDocsUrl } from './rule-docs.js';
import type { Formatter } from './types.js';
import { VERSION } from '../version.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Key of the partial fingerprint that carries the finding id; bump the version if the id scheme changes. */
export const FINGERPRINT_KEY = 'archwrightFindingId/v1';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export const formatSarif: Formatter = ({ design, review, rules, cwd, toolVersion = VERSION }) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = design.files.map((file) => fileUri(file, cwd));
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'archwright',
          version: toolVersion,
          semanticVersion: toolVersion,
          informationUri: 'https://archwright.dev',
          rules: rules.map(descriptor),
        },
      },
      artifacts: artifacts.map((uri) => ({ location: { uri }, roles: ['analysisTarget'] })),
      columnKind: 'utf16CodeUnits',
      results: review.findings.map((f) => result(f, ruleIndex.get(f.rule), design.file, artifacts, cwd)),
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function descriptor(rule: Rule): Sarif.ReportingDescriptor {
  const citations = rule.citations.length ? `\n\nCitations: ${rule.citations.join('; ')}.` : '';
  return {
    id: rule.id,
    name: rule.id.split('/')[1].replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.fix}${citations}`,
      markdown: `${rule.fix}${rule.citations.length ? `\n\n**Citations:** ${rule.citations.join('; ')}.` : ''}`,
    },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      // The pack and the regime; SARIF tags are a set, and a pack is often named after its regime.
      tags: [...new Set([rule.id.split('/')[0], ...(rule.regime ? [rule.regime] : [])])],
      citations: rule.citations,
    },
  };
}

function result(f: Finding, ruleIndex: number | undefined, designFile: string, artifacts: string[], cwd?: string): Sarif.Result {
  // Code scanning shows only located results: a finding without a location points at the design's first line.
  const at = f.location ?? { file: designFile, line: 1, column: 1 };
  const uri = fileUri(at.file, cwd);
  const index = artifacts.indexOf(uri);
  const out: Sarif.Result = {
    ruleId: f.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.fix ? `${f.message} Fix: ${f.fix}` : f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri, ...(index >= 0 ? { index } : {}) },
        region: { startLine: Math.max(1, at.line), startColumn: Math.max(1, at.column) },
      },
      logicalLocations: [{ name: f.subject.id, kind: f.subject.kind }],
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: f.id },
    properties: {
      findingId: f.id,
      status: f.status,
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.statusNote ? { statusNote: f.statusNote } : {}),
    },
  };
  if (f.status !== 'open') {
    // The acceptance is written in the design itself (`risks:`), hence inSource.
    out.suppressions = [{ kind: 'inSource', status: 'accepted', justification: f.statusNote ?? f.status }];
  }
  return out;
}
