/**
 * The design file's schema (v1): the single source of truth for the loader's
 * validation, the TypeScript types and the published JSON Schema.
 * Units stay strings here (with patterns editors can check); `resolve.ts`
 * turns them into numbers.
 */
import { z } from 'zod';
import {
  COUNT_PATTERN, DURATION_PATTERN, GROWTH_PATTERN, HORIZON_PATTERN, PERCENT_PATTERN, RATE_PATTERN,
} from './units.js';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]*$/;

export const Id = z.string().regex(ID_PATTERN, 'an id: letters, digits and . _ : / - (no spaces)')
  .describe('An identifier, unique across the design. Other elements refer to it.');
/**
 * A reference to an element by id. No pattern here: resolve.ts checks every
 * reference against the ids that exist (and suggests the nearest), and the
 * pattern check cost as much as the rest of validating a link (measured).
 */
export const Ref = z.string().describe('The id of another element.');
const IdList = z.array(Ref);
const Text = z.string();

export const Duration = z.string().regex(new RegExp(DURATION_PATTERN), 'a duration such as 4ms, 2s, 90d')
  .describe('A duration: 250us, 4ms, 2s, 5min, 1h, 90d, 1y.');
export const Rate = z.string().regex(new RegExp(RATE_PATTERN), 'a rate such as 1200/s or 72k/min')
  .describe('A rate: 1200/s, 72k/min, 3M/day.');
export const Percent = z.string().regex(new RegExp(PERCENT_PATTERN), 'a percentage such as 12%')
  .describe('A percentage: 12%.');
export const Growth = z.string().regex(new RegExp(GROWTH_PATTERN), 'a growth rate such as 12%/month')
  .describe('Compound growth: 12%/month (the default period) or 40%/year.');
export const Horizon = z.string().regex(new RegExp(HORIZON_PATTERN), 'a horizon such as 24 months or 2y')
  .describe('How far ahead to plan: 24 months, 2y.');
export const Count = z.union([
  z.number().nonnegative(),
  z.string().regex(new RegExp(COUNT_PATTERN), 'a count such as 5000 or 50k'),
]).describe('A count: 5000 or 50k.');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').describe('A date, YYYY-MM-DD.');

export const Regime = z.enum(['gdpr', 'hipaa', 'pci', 'soc2', 'ccpa']);
export const Protocol = z.string().min(1)
  .describe('A protocol name: https, http, grpc, graphql, websocket, amqp, kafka, mqtt, sql, redis, smtp, sftp, …');
export const Severity = z.enum(['error', 'warning', 'info']);
export const SeveritySetting = z.enum(['off', 'info', 'warning', 'error']);

const Scope = z.strictObject({
  in: z.array(Text).default([]).describe('Functions the system covers.'),
  out: z.array(Text).default([]).describe('Functions explicitly out of scope.'),
});

const Constraints = z.strictObject({
  budget: z.strictObject({
    monthly: z.number().nonnegative().describe('Running cost ceiling per month.'),
    currency: z.string().default('USD'),
  }).optional(),
  deadline: IsoDate.optional(),
  engineers: z.number().int().nonnegative().optional().describe('Engineers available to build and run the system.'),
  other: z.array(Text).optional().describe('Further constraints, in words.'),
});

const System = z.strictObject({
  name: Text.describe('What the system is called.'),
  purpose: Text.optional().describe('Why the system exists, in a sentence: the first thing research settles.'),
  scope: Scope.optional().describe('What the system does (in) and explicitly does not do (out): the guard against scope creep.'),
  constraints: Constraints.optional().describe('Budget, deadline and team size the design must fit.'),
  compliance: z.array(Regime).default([]).describe('Regimes the system must comply with: gdpr, hipaa, pci, soc2, ccpa.'),
  standards: z.strictObject({
    internalProtocol: Protocol.optional(),
    externalProtocol: Protocol.optional(),
    asyncProtocol: Protocol.optional(),
  }).optional().describe('The protocols the system standardises on: internal calls, public interfaces, messaging.'),
  controller: z.strictObject({
    name: Text,
    contact: Text.optional(),
    dpo: Text.optional(),
    representative: Text.optional(),
  }).optional().describe('The GDPR controller (Art. 30(1)(a)).'),
  region: Text.optional().describe('Default region of components, e.g. eu-west-1 or EU.'),
  dpia: Text.optional().describe('Reference to the data protection impact assessment (GDPR Art. 35), e.g. a document id or URL.'),
  contingency: z.strictObject({
    emergencyMode: Text.optional().describe('How critical processes keep protecting ePHI while operating in emergency mode (HIPAA 164.308(a)(7)(ii)(C)).'),
    disasterRecovery: Text.optional().describe('Where the disaster recovery plan is (HIPAA 164.308(a)(7)(ii)(B)).'),
  }).optional().describe('The contingency plan: emergency mode operation and disaster recovery.'),
});

export const UserKind = z.enum(['end-user', 'developer', 'operator', 'admin', 'partner', 'system']);
const User = z.strictObject({
  id: Id,
  kind: UserKind.describe('end-user, developer, operator, admin, partner or system.'),
  name: Text.optional(),
  description: Text.optional(),
  uses: IdList.default([]).describe('Components this user reaches directly (entry points).'),
  regions: z.array(Text).optional().describe('Where these users are, e.g. [EU, US].'),
  count: Count.optional(),
});

const QualityTarget = z.strictObject({
  workload: Ref.optional(),
  latencyMean: Duration.optional(),
  latencyP50: Duration.optional(),
  latencyP95: Duration.optional(),
  latencyP99: Duration.optional(),
  availability: Percent.optional(),
  throughput: Rate.optional(),
  utilisation: Percent.optional(),
  rpo: Duration.optional(),
  rto: Duration.optional(),
  errorRate: Percent.optional(),
});

export const RequirementKind = z.enum(['function', 'quality', 'constraint']);
const Requirement = z.strictObject({
  id: Id,
  kind: RequirementKind.describe('function (what the system does), quality (how well: give a target) or constraint.'),
  text: Text.describe('The requirement, in one sentence.'),
  target: QualityTarget.optional().describe('Measurable targets of a quality requirement: latencyP99: 300ms, availability: 99.9%, ...'),
  priority: z.enum(['must', 'should', 'could', 'wont']).optional().describe('MoSCoW priority.'),
  scope: Text.optional().describe('The scope item (system.scope.in/out) this requirement belongs to.'),
});

export const Classification = z.enum([
  'public', 'internal', 'confidential', 'restricted',
  'personal', 'special', 'phi', 'pan', 'sad', 'credentials', 'secret', 'criminal', 'children',
]).describe('public < internal < confidential < restricted; personal (GDPR), special (GDPR Art. 9), phi (HIPAA), pan / sad (PCI), credentials and secret (keys), criminal (Art. 10), children.');

export const LawfulBasis = z.enum([
  'consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests',
]);

const Purpose = z.strictObject({
  id: Id.optional(),
  name: Text,
  lawfulBasis: LawfulBasis.optional(),
  specialCategoryCondition: Text.optional(),
  liaRef: Text.optional(),
});

const DataAsset = z.strictObject({
  id: Id,
  name: Text.optional(),
  description: Text.optional(),
  classification: z.array(Classification).default([]),
  subjects: z.array(Text).default([]).describe('Whose data this is: user ids or subject categories.'),
  subjectRegions: z.array(Text).optional().describe('Where the data subjects are, e.g. [EU].'),
  retention: Duration.optional(),
  lawfulBasis: LawfulBasis.optional(),
  specialCategoryCondition: Text.optional().describe('GDPR Art. 9(2) condition, e.g. 9(2)(h).'),
  purposes: z.array(Purpose).optional(),
  origin: Text.optional().describe('Where the data comes from (GDPR Art. 14).'),
  largeScale: z.boolean().optional().describe('Processed on a large scale (GDPR Art. 35(3)(b), 37(1)); when absent, inferred from the subjects\' user counts.'),
});

export const TrustLevel = z.enum(['none', 'low', 'internal', 'high', 'restricted']);
const Zone = z.strictObject({
  id: Id,
  name: Text.optional(),
  trust: TrustLevel.describe('How far what is inside is trusted: none (the internet) < low < internal < high < restricted.'),
  description: Text.optional(),
  region: Text.optional(),
  maxClassification: Classification.optional().describe('The most sensitive data this zone may hold.'),
  cde: z.boolean().optional().describe('Part of the PCI cardholder data environment.'),
});

export const AuthKind = z.enum(['none', 'apikey', 'basic', 'oauth2', 'oidc', 'jwt', 'mtls', 'saml', 'iam', 'password', 'session']);
export const TlsKind = z.enum(['none', 'tls', 'mtls']);

const Interface = z.strictObject({
  id: Id.optional(),
  protocol: Protocol,
  public: z.boolean().default(false).describe('Reachable from the internet.'),
  auth: AuthKind.optional().describe('How callers authenticate.'),
  mfa: z.boolean().optional(),
  admin: z.boolean().optional().describe('An administrative or operator interface.'),
  rateLimit: Rate.optional(),
  waf: z.boolean().optional(),
  port: z.number().int().optional(),
  contract: Text.optional().describe('Path of the contract file (OpenAPI, .proto, AsyncAPI), relative to this design file.'),
  operations: z.array(Text).optional(),
});

export const ComponentKind = z.enum(['service', 'gateway', 'datastore', 'queue', 'cache', 'frontend', 'job', 'external', 'secrets', 'log']);
const Instances = z.union([
  z.number().int().positive(),
  z.strictObject({ min: z.number().int().positive().default(1), max: z.number().int().positive().optional() }),
]).describe('Instance count, or { min, max } for autoscaling.');

const Distribution = z.union([
  z.enum(['exponential', 'constant', 'lognormal']),
  z.strictObject({ kind: z.enum(['exponential', 'constant', 'lognormal']), cv: z.number().nonnegative().optional() }),
]);

const Component = z.strictObject({
  id: Id,
  kind: ComponentKind.describe('service, gateway, datastore, queue, cache, frontend, job, external, secrets or log.'),
  name: Text.optional(),
  description: Text.optional(),
  tech: Text.optional().describe('The technology, e.g. postgres, kafka, node.'),
  zone: Ref.optional(),
  region: Text.optional(),
  serves: IdList.default([]).describe('Requirements this component serves.'),
  stores: IdList.default([]).describe('Data assets this component holds at rest.'),
  uses: IdList.default([]).describe('Data assets this component reads or processes without storing.'),
  exposes: z.array(Interface).default([]).describe('Interfaces this component offers: protocol, public or not, auth.'),
  instances: Instances.optional(),
  concurrency: z.number().int().positive().optional().describe('Requests one instance serves at once.'),
  serviceTime: Duration.optional().describe('Mean time to serve one request, excluding downstream calls.'),
  serviceTimeDistribution: Distribution.optional(),
  capacity: Rate.optional().describe('Throughput of one instance, instead of serviceTime.'),
  queueLimit: z.number().int().nonnegative().optional().describe('Requests that may wait per instance before new ones are dropped.'),
  timeout: Duration.optional(),
  retries: z.number().int().nonnegative().optional(),
  stateful: z.boolean().optional(),
  scalesOut: z.boolean().optional().describe('Whether more instances can share the load (false: sticky state, leader, singleton).'),
  runtime: Ref.optional().describe('Shared runtime or cluster id (components with the same runtime share it).'),
  cost: z.strictObject({
    perInstanceMonthly: z.number().nonnegative().optional(),
    fixedMonthly: z.number().nonnegative().optional(),
  }).optional(),
  encryptedAtRest: z.union([z.boolean(), z.enum(['disk', 'field', 'tokenised', 'hashed'])]).optional()
    .describe('true or disk (volume/disk-level), field (application/field-level), tokenised, hashed.'),
  backup: z.strictObject({
    rpo: Duration.optional(),
    rto: Duration.optional(),
    retention: Duration.optional(),
    encrypted: z.boolean().optional(),
    tested: z.boolean().optional(),
    region: Text.optional(),
  }).optional(),
  retention: Duration.optional().describe('How long this store keeps data (logs, caches, backups too).'),
  audit: z.strictObject({
    logs: z.boolean().optional(),
    retention: Duration.optional(),
    sink: Ref.optional(),
    immediatelyAvailable: Duration.optional().describe('How much recent audit history is immediately available for analysis (PCI DSS 10.5.1: at least three months).'),
  }).optional(),
  processor: z.boolean().optional().describe('An external party processing data on our behalf.'),
  agreements: z.array(z.enum(['dpa', 'baa', 'scc', 'bcr', 'aoc', 'nda', 'tpsp'])).default([])
    .describe('Signed agreements: dpa (GDPR Art. 28), baa (HIPAA business associate), scc / bcr (GDPR Art. 46 transfer safeguards), aoc (PCI attestation of compliance), nda, tpsp (PCI DSS 12.8.2 written acknowledgement of responsibility for account data).'),
  subProcessors: z.array(Text).optional().describe('Sub-processors this processor engages (GDPR Art. 28(2)); [] when it engages none.'),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 country code such as DE or US').optional()
    .describe('Country where this component or external party processes data (ISO 3166-1 alpha-2), when its region does not say.'),
  transferMechanism: z.enum(['adequacy', 'dpf', 'scc', 'bcr', 'code-of-conduct', 'certification', 'derogation']).optional()
    .describe('GDPR Chapter V basis for sending personal data to this component outside the EEA: adequacy (Art. 45), dpf (EU-US Data Privacy Framework certification), scc / bcr / code-of-conduct / certification (Art. 46(2)), derogation (Art. 49).'),
  subjectRights: z.array(z.enum(['access', 'rectification', 'erasure', 'restriction', 'export'])).optional()
    .describe('Data-subject requests this component serves (GDPR Art. 15-20): every store it reaches over links is covered for them.'),
  integrity: z.array(z.enum(['checksums', 'versioning', 'immutable', 'signatures', 'audit-trail'])).optional()
    .describe('How stored data is protected from improper alteration or destruction (HIPAA 164.312(c)).'),
  automatedDecisions: z.boolean().optional().describe('Takes solely automated decisions with legal or similarly significant effects on people (GDPR Art. 22, 35(3)(a)).'),
  systematicMonitoring: z.boolean().optional().describe('Systematically monitors a publicly accessible area (GDPR Art. 35(3)(c)).'),
  platform: Text.optional().describe('Kind of external platform: chat, payment, identity, email, sms, storage, …'),
  adapterFor: Ref.optional().describe('The plug-in interface (a component id) this adapter implements.'),
  secretsFrom: Ref.optional().describe('The secrets store component this component takes its credentials from.'),
  owner: Text.optional(),
});

export const LinkMode = z.enum(['sync', 'async']);
const Link = z.strictObject({
  id: Id.optional().describe('Defaults to "from->to"; needed when two links join the same pair.'),
  from: Ref,
  to: Ref,
  protocol: Protocol,
  tls: TlsKind.optional().describe('none, tls or mtls.'),
  auth: AuthKind.optional().describe('How the caller authenticates to the callee.'),
  mode: LinkMode.optional().describe('sync (caller waits) or async (fire and forget, via a queue); defaults from the protocol.'),
  carries: IdList.default([]),
  uses: z.array(Text).optional().describe('Operations used: "GET /users/{id}", "UserService.GetUser", a channel name.'),
  identity: z.enum(['end-user', 'service', 'none']).optional().describe('Whose identity the call carries.'),
  access: z.enum(['read', 'write', 'read-write']).optional()
    .describe('What the caller does with the data it reaches in a store or queue: read, write or read-write (unstated counts as a possible write).'),
  public: z.boolean().optional().describe('Crosses a public network.'),
  description: Text.optional(),
});

type PathStepInput = string | Record<string, { calls?: number; async?: boolean; then?: PathStepInput[] }>;
export const PathStep: z.ZodType<PathStepInput> = z.lazy(() => z.union([
  Ref,
  z.record(Ref, z.strictObject({
    calls: z.number().positive().optional().describe('Calls per request of the caller (fan-out).'),
    async: z.boolean().optional(),
    then: z.array(PathStep).optional().describe('Calls this step makes (a branch), each called by this step.'),
  })),
])).meta({ id: 'PathStep', description: 'A component id, or { id: { calls, async, then } } for fan-out and branches.' });

const Workload = z.strictObject({
  id: Id,
  description: Text.optional(),
  rate: Rate.optional().describe('Open workload: arrivals at the first step.'),
  users: Count.optional().describe('Closed workload: concurrent users.'),
  thinkTime: Duration.optional(),
  peakFactor: z.number().positive().optional().describe('Peak load as a multiple of the rate, e.g. 3.'),
  growth: Growth.optional(),
  horizon: Horizon.optional(),
  path: z.array(PathStep).min(1).describe('The call path: each step is called by the one before it.'),
});

const Existing = z.strictObject({
  id: Id,
  name: Text.optional(),
  description: Text.optional(),
  protocol: Protocol.optional(),
  contract: Text.optional(),
  owner: Text.optional(),
  zone: Ref.optional(),
  exposes: z.array(Interface).optional(),
});

export const DecisionStatus = z.enum(['proposed', 'accepted', 'superseded', 'deprecated', 'rejected']);
const Decision = z.strictObject({
  id: Id,
  title: Text.describe('The decision, as a short title.'),
  status: DecisionStatus.describe('proposed, accepted, superseded, deprecated or rejected.'),
  date: IsoDate.optional(),
  about: IdList.default([]),
  supersededBy: Ref.optional(),
  context: Text.optional().describe('The forces at play, and the alternatives considered.'),
  decision: Text.optional().describe('What was decided.'),
  consequences: Text.optional().describe('What follows, good and bad.'),
});

export const RiskStatus = z.enum(['accepted', 'mitigated', 'false-positive']);
const Risk = z.strictObject({
  finding: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+(@.+)?$/, 'a finding id: rule@element, e.g. security/plaintext-sensitive-link@gateway->router')
    .describe('The finding this entry tracks: rule@element (as check prints it), or a rule id for all its findings.'),
  status: RiskStatus.describe('accepted (we live with it), mitigated (handled outside the design) or false-positive.'),
  by: Text.describe('Who decided.'),
  why: Text.describe('Why: the argument a reviewer can check.'),
  until: IsoDate.optional().describe('The decision expires after this date and the finding is open again.'),
  ticket: Text.optional(),
});

const RuleSetting = z.union([
  SeveritySetting,
  z.strictObject({ severity: SeveritySetting.optional(), options: z.record(z.string(), z.unknown()).optional() }),
]);

const Checks = z.strictObject({
  rules: z.record(z.string(), RuleSetting).default({}).describe('Per rule id: off, info, warning or error, or { severity, options }.'),
  failOn: z.enum(['error', 'warning', 'info', 'never']).optional().describe('The lowest severity of an open finding that makes check exit 1 (default error).'),
});

const Capacity = z.strictObject({
  targetUtilisation: Percent.optional(),
}).describe('Defaults for capacity planning.');

/** Sections that hold lists of elements; included files may add to each. */
export { LIST_SECTIONS, type ListSection } from './sections.js';

const designShape = {
  $schema: z.string().optional().describe('The JSON Schema this file follows (for editors).'),
  archwright: z.literal(1).describe('Version of the design format.'),
  include: z.array(z.string()).optional().describe('Further files (globs, relative to this file) whose lists join this design.'),
  system: System.describe('What the system is for, its scope, constraints, compliance regimes and protocol standards.'),
  users: z.array(User).default([]).describe('Who uses the system (end users, developers, operators) and where they enter it.'),
  requirements: z.array(Requirement).default([]).describe('What the system must do (function) and how well (quality, with measurable targets).'),
  data: z.array(DataAsset).default([]).describe('The data the system holds or moves: classification, subjects, retention, lawful basis.'),
  zones: z.array(Zone).default([]).describe('Trust boundaries that components sit in.'),
  components: z.array(Component).default([]).describe('The parts of the system: services, gateways, stores, queues, caches, frontends, jobs, externals.'),
  links: z.array(Link).default([]).describe('Who calls whom: protocol, TLS, auth, sync or async, and the data carried.'),
  workloads: z.array(Workload).default([]).describe('Load on the system: arrival rate or users, peak, growth, and the call path.'),
  existing: z.array(Existing).default([]).describe('Systems already running that this design must integrate with.'),
  decisions: z.array(Decision).default([]).describe('Architecture decision records (ADRs) about elements of the design.'),
  risks: z.array(Risk).default([]).describe('Findings accepted, mitigated or marked false-positive, with who, why and until when.'),
  checks: Checks.optional().describe('Review settings: rule severities and options, and the fail threshold.'),
  capacity: Capacity.optional(),
};

export const DesignSchema = z.strictObject(designShape);

/** An included file: any list section, no system. */
export const FragmentSchema = z.strictObject({
  $schema: z.string().optional(),
  archwright: z.literal(1).optional(),
  include: z.array(z.string()).optional(),
  users: designShape.users.optional(),
  requirements: designShape.requirements.optional(),
  data: designShape.data.optional(),
  zones: designShape.zones.optional(),
  components: designShape.components.optional(),
  links: designShape.links.optional(),
  workloads: designShape.workloads.optional(),
  existing: designShape.existing.optional(),
  decisions: designShape.decisions.optional(),
  risks: designShape.risks.optional(),
});

export type DesignDoc = z.output<typeof DesignSchema>;
export type SystemDoc = DesignDoc['system'];
export type UserDoc = DesignDoc['users'][number];
export type RequirementDoc = DesignDoc['requirements'][number];
export type DataAssetDoc = DesignDoc['data'][number];
export type ZoneDoc = DesignDoc['zones'][number];
export type ComponentDoc = DesignDoc['components'][number];
export type InterfaceDoc = ComponentDoc['exposes'][number];
export type LinkDoc = DesignDoc['links'][number];
export type WorkloadDoc = DesignDoc['workloads'][number];
export type ExistingDoc = DesignDoc['existing'][number];
export type DecisionDoc = DesignDoc['decisions'][number];
export type RiskDoc = DesignDoc['risks'][number];
export type ChecksDoc = NonNullable<DesignDoc['checks']>;
export type PathStepDoc = PathStepInput;
export type ClassificationName = z.infer<typeof Classification>;
export type SeverityName = z.infer<typeof Severity>;
export type SeveritySettingName = z.infer<typeof SeveritySetting>;

/**
 * The JSON Schema editors use, generated from the zod schema. One schema serves
 * both kinds of file: a file with `system:` is an entry design (DesignSchema); a
 * file without it is an included file (FragmentSchema: lists only), so editors
 * help in included files too.
 */
export function designJsonSchema(): Record<string, unknown> {
  const { required: _required, ...schema } = z.toJSONSchema(DesignSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://archwright.dev/schema/archwright.schema.json',
    title: 'archwright design',
    description: 'An archwright design: the entry file (archwright: 1 and system:) or a file it includes (lists such as components: and links:).',
    ...schema,
    if: { required: ['system'] },
    then: { required: ['archwright', 'system'] },
    else: { properties: { checks: false, capacity: false } },
  };
}
