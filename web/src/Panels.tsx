import { useMemo, useState } from 'react';
import type { Design } from '../../src/model/design.js';
import type { Finding, Severity } from '../../src/rules/types.js';
import type { CapacityReport } from '../../src/capacity/index.js';
import { formatDuration } from '../../src/model/units.js';
import type { WhatIf } from './core.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export function FindingsPanel({ findings, selected, onSelect }: { findings: Finding[]; selected?: string; onSelect(id: string): void }) {
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [area, setArea] = useState('');
  const open = findings.filter((f) => f.status === 'open');
  const areas = useMemo(() => [...new Set(open.map((f) => f.rule.split('/')[0]))].sort(), [open]);
  const visible = open.filter((f) => shown[f.severity] && (!area || f.rule.startsWith(`${area}/`)));
  return (
    <section className="panel" data-testid="findings">
      <h2>Findings <span className="muted">{visible.length} of {open.length}</span></h2>
      <div className="filters">
        {SEVERITIES.map((s) => (
          <label key={s}><input type="checkbox" checked={shown[s]} onChange={(e) => setShown({ ...shown, [s]: e.target.checked })} /> {s} ({open.filter((f) => f.severity === s).length})</label>
        ))}
        <select value={area} onChange={(e) => setArea(e.target.value)} aria-label="area">
          <option value="">all areas</option>
          {areas.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
      </div>
      <ul className="findings">
        {visible.slice(0, 400).map((f) => (
          <li key={f.id} className={f.subject.id === selected ? 'selected' : ''} data-testid="finding" data-subject={f.subject.id}
            onClick={() => onSelect(f.subject.id)} role="button" tabIndex={0} onKeyDown={(e) => { if (e.key === 'Enter') onSelect(f.subject.id); }}>
            <span className={`sev sev-${f.severity}`}>{f.severity}</span>
            <span className="subject">{f.subject.id}</span>
            <div className="message">{f.message}</div>
            <div className="rule muted">{f.rule}{f.location ? ` · ${f.location.file}:${f.location.line}` : ''}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DetailsPanel({ design, selected, capacity, findings }: { design: Design; selected?: string; capacity?: CapacityReport; findings: Finding[] }) {
  if (!selected) return <section className="panel"><h2>Details</h2><p className="muted">Click an element or a finding.</p></section>;
  const element = design.byId.get(selected);
  if (!element) return <section className="panel"><h2>Details</h2><p className="muted">{selected} is not in the design any more.</p></section>;
  const rows: [string, string][] = [['kind', element.kind === 'component' ? element.element.kind : element.kind]];
  if (element.kind === 'component') {
    const c = element.element;
    if (c.zone) rows.push(['zone', c.zone]);
    if (c.tech) rows.push(['tech', c.tech]);
    if (c.serves.length) rows.push(['serves', c.serves.join(', ')]);
    if (c.stores.length) rows.push(['stores', c.stores.join(', ')]);
    if (c.uses.length) rows.push(['uses data', c.uses.join(', ')]);
    if (c.exposes.length) rows.push(['exposes', c.exposes.map((i) => `${i.protocol}${i.public ? ' (public)' : ''}${i.auth ? `, ${i.auth}` : ''}`).join('; ')]);
    rows.push(['instances', c.instancesMin === c.instancesMax ? String(c.instancesMin) : `${c.instancesMin}–${c.instancesMax}`]);
    if (c.serviceTime) rows.push(['service time', c.serviceTime]);
    const cap = capacity?.components.find((x) => x.id === c.id);
    if (cap?.utilisation !== undefined) rows.push(['utilisation', `${(cap.utilisation * 100).toFixed(0)}% at ${cap.arrivalRate.toFixed(0)}/s`]);
    if (cap?.residence !== undefined) rows.push(['residence time', formatDuration(cap.residence)]);
    if (cap?.saturatesMonth !== undefined) rows.push(['saturates', `month ${cap.saturatesMonth}`]);
  }
  const out = design.linksFrom.get(selected) ?? [];
  const inn = design.linksTo.get(selected) ?? [];
  if (out.length) rows.push(['calls', out.map((l) => `${l.to} (${l.protocol}${l.tls && l.tls !== 'none' ? ', ' + l.tls : ', plaintext'})`).join('; ')]);
  if (inn.length) rows.push(['called by', inn.map((l) => `${l.from} (${l.protocol})`).join('; ')]);
  const own = findings.filter((f) => f.status === 'open' && f.subject.id === selected);
  return (
    <section className="panel" data-testid="details">
      <h2>{element.element.id}</h2>
      <table><tbody>{rows.map(([k, v]) => <tr key={k}><th>{k}</th><td>{v}</td></tr>)}</tbody></table>
      {own.length ? <p className="muted">{own.length} open finding{own.length === 1 ? '' : 's'}</p> : null}
    </section>
  );
}

export function CapacityPanel({ design, capacity, whatIf, onChange, selected }: { design: Design; capacity?: CapacityReport; whatIf: WhatIf; onChange(w: WhatIf): void; selected?: string }) {
  if (!capacity) return <section className="panel"><h2>Capacity</h2><p className="muted">No workloads in the design.</p></section>;
  const baseGrowth = design.workloads[0]?.growthPerMonth ?? 0;
  const growth = whatIf.growth ?? baseGrowth;
  const target = selected && design.components.some((c) => c.id === selected) ? selected : capacity.components.find((c) => c.utilisation !== undefined)?.id;
  const comp = design.components.find((c) => c.id === target);
  const instances = target ? (whatIf.instances[target] ?? comp?.instancesMax ?? 1) : 1;
  const rows = capacity.components.filter((c) => c.utilisation !== undefined).sort((a, b) => (a.saturatesMonth ?? 1e9) - (b.saturatesMonth ?? 1e9)).slice(0, 12);
  const g = capacity.growth;
  return (
    <section className="panel" data-testid="capacity">
      <h2>Capacity</h2>
      <label className="slider">growth {(growth * 100).toFixed(1)}% / month
        <input type="range" min={0} max={0.5} step={0.005} value={growth} data-testid="growth-slider"
          onChange={(e) => onChange({ ...whatIf, growth: Number(e.target.value) })} />
      </label>
      {target ? (
        <label className="slider">instances of {target}: {instances}
          <input type="range" min={1} max={Math.max(64, (comp?.instancesMax ?? 1) * 4)} step={1} value={instances} data-testid="instances-slider"
            onChange={(e) => onChange({ ...whatIf, instances: { ...whatIf.instances, [target]: Number(e.target.value) } })} />
        </label>
      ) : null}
      <GrowthChart capacity={capacity} />
      <table className="saturation">
        <thead><tr><th>component</th><th>now</th><th>saturates</th></tr></thead>
        <tbody>{rows.map((c) => (
          <tr key={c.id}><td>{c.id}</td><td>{(c.utilisation! * 100).toFixed(0)}%</td><td data-testid={`saturation-${c.id}`}>{c.saturatesMonth === undefined ? `not within ${capacity.horizonMonths} months` : `month ${c.saturatesMonth}`}</td></tr>
        ))}</tbody>
      </table>
      {g.budget ? <p className="muted">cost month 0: {Math.round(g.cost[0])} {g.budget.currency}; month {g.months.length - 1}: {Math.round(g.cost[g.cost.length - 1])} (budget {g.budget.monthly}){g.overBudgetMonth !== undefined ? `, over budget from month ${g.overBudgetMonth}` : ''}</p> : null}
    </section>
  );
}

function GrowthChart({ capacity }: { capacity: CapacityReport }) {
  const g = capacity.growth;
  const months = g.months.length;
  if (months < 2) return null;
  const top = [...g.components].sort((a, b) => b.utilisationAtMax[months - 1] - a.utilisationAtMax[months - 1]).slice(0, 5);
  const w = 300, h = 140, max = Math.max(1.2, ...top.map((c) => Math.min(3, Math.max(...c.utilisationAtMax))));
  const px = (m: number) => 28 + (m / (months - 1)) * (w - 36);
  const py = (u: number) => 8 + (1 - Math.min(u, max) / max) * (h - 28);
  const colours = ['#c62828', '#1e6fd9', '#2e7d32', '#8e44ad', '#e08a00'];
  return (
    <svg viewBox={`0 0 ${w} ${h}`} className="growth" role="img" aria-label="utilisation at maximum instances by month">
      <line x1={28} x2={w - 8} y1={py(1)} y2={py(1)} stroke="#5b6472" strokeDasharray="3 3" />
      <text x={2} y={py(1) + 3} fontSize={9}>100%</text>
      {top.map((c, i) => (
        <polyline key={c.id} fill="none" stroke={colours[i]} strokeWidth={1.6} points={c.utilisationAtMax.map((u, m) => `${px(m)},${py(u)}`).join(' ')} />
      ))}
      <text x={28} y={h - 4} fontSize={9}>month 0</text>
      <text x={w - 50} y={h - 4} fontSize={9}>month {months - 1}</text>
      <g>{top.map((c, i) => <text key={c.id} x={w - 8} y={14 + i * 11} fontSize={9} textAnchor="end" fill={colours[i]}>{c.id}</text>)}</g>
    </svg>
  );
}
