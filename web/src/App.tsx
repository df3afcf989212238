import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { buildView, type View } from '../../src/render/view.js';
import type { DesignError } from '../../src/model/errors.js';
import type { Finding } from '../../src/rules/types.js';
import type { CapacityReport } from '../../src/capacity/index.js';
import { analyse, load, recompute, type Analysis, type Snapshot, type WhatIf } from './core.js';
import type { Design } from '../../src/model/design.js';
import { layout, type Placed } from './layout.js';
import { Diagram } from './Diagram.js';
import { CapacityPanel, DetailsPanel, FindingsPanel } from './Panels.js';

/** Above this many elements the diagram shows the neighbourhood of the selection. */
const FULL_VIEW_LIMIT = 200;

declare global {
  interface Window { __archwright?: { renders: number; lastRenderMs?: number; lastRecomputeMs?: number; reloads: number; fetchMs?: number; loadMs?: number; layoutMs?: number; reviewMs?: number } }
}
const metrics: NonNullable<Window['__archwright']> = (window.__archwright = { renders: 0, reloads: 0 });

export function App() {
  const [design, setDesign] = useState<Design>();
  const [analysis, setAnalysis] = useState<Analysis>();
  const [errors, setErrors] = useState<DesignError[]>([]);
  const [selected, setSelected] = useState<string>();
  const [whatIf, setWhatIf] = useState<WhatIf>({ instances: {} });
  const [placed, setPlaced] = useState<{ view: View; placed: Placed }>();
  const started = useRef(performance.now());

  const reload = useCallback(async () => {
    let t = performance.now();
    const snapshot = (await (await fetch('api/design', { cache: 'no-store' })).json()) as Snapshot;
    metrics.fetchMs = performance.now() - t;
    t = performance.now();
    const result = load(snapshot);
    metrics.loadMs = performance.now() - t;
    metrics.reloads++;
    setErrors(result.errors);
    // A design that stops loading keeps the last good picture beside its errors.
    if (result.design) setDesign(result.design);
  }, []);

  // Draw the design first; review it and model its capacity once that picture is on screen.
  const [drawn, setDrawn] = useState<Design>();
  useEffect(() => {
    if (!design || drawn !== design) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const t = performance.now();
        const result = analyse(design);
        metrics.reviewMs = performance.now() - t;
        setAnalysis(result);
      }, 0);
    });
    return () => { cancelAnimationFrame(frame); clearTimeout(timer); };
  }, [design, drawn]);

  useEffect(() => {
    void reload();
    const events = new EventSource('api/events');
    events.addEventListener('change', () => void reload());
    return () => events.close();
  }, [reload]);

  const recomputed = useMemo(() => {
    if (!analysis || analysis.design !== design) return undefined;
    const t = performance.now();
    const noChange = whatIf.growth === undefined && Object.keys(whatIf.instances).length === 0;
    const out = noChange ? { capacity: analysis.capacity, findings: analysis.review.findings, errors: [] as string[] } : recompute(analysis, whatIf);
    metrics.lastRecomputeMs = performance.now() - t;
    return out;
  }, [analysis, design, whatIf]);

  const findings: Finding[] = recomputed?.findings ?? [];
  const capacity: CapacityReport | undefined = recomputed?.capacity;
  const large = (design?.components.length ?? 0) + (design?.users.length ?? 0) > FULL_VIEW_LIMIT;
  const [defaultFocus, setDefaultFocus] = useState<string>();
  useEffect(() => {
    // the busiest component once capacity is known; the first component until then
    if (design && large && !defaultFocus) setDefaultFocus(busiest(capacity) ?? design.users[0]?.uses[0] ?? design.components[0]?.id);
  }, [design, large, capacity, defaultFocus]);
  const focus = large ? (selected && design?.byId.has(selected) ? selected : defaultFocus) : undefined;

  const view = useMemo(() => {
    if (!design || (large && !focus)) return undefined;
    return buildView(design, { view: 'containers', findings, focus, depth: 1 });
  }, [design, findings, focus, large]);

  useEffect(() => {
    if (!view) return;
    let cancelled = false;
    const t = performance.now();
    void layout(view).then((p) => {
      metrics.layoutMs = performance.now() - t;
      if (cancelled) return;
      setPlaced({ view, placed: p });
      setDrawn(design);
      metrics.renders++;
      if (metrics.renders === 1) metrics.lastRenderMs = performance.now() - started.current;
    });
    return () => { cancelled = true; };
  }, [view, design]);

  const select = useCallback((id: string | undefined) => setSelected(id), []);

  return (
    <div className="app">
      <header>
        <b>archwright</b>
        <span className="system">{design?.system.name ?? 'loading…'}</span>
        {large && focus ? <span className="muted">showing the neighbourhood of {focus} ({design!.components.length} components)</span> : null}
        {design && analysis?.design !== design ? <span className="muted">reviewing…</span> : null}
      </header>
      {errors.length > 0 ? (
        <div className="error" data-testid="error" role="alert">
          <b>The design does not load{design ? '; showing the last version that did' : ''}:</b>
          <ul>{errors.slice(0, 8).map((e, i) => <li key={i}>{`${e.location.file}:${e.location.line}:${e.location.column}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`}</li>)}</ul>
        </div>
      ) : null}
      <aside className="left"><FindingsPanel findings={findings} selected={selected} onSelect={select} /></aside>
      <main>{placed ? <Diagram key={placed.view.title} view={placed.view} placed={placed.placed} selected={selected} onSelect={select} /> : <p className="muted pad">laying out…</p>}</main>
      <aside className="right">
        {design ? <DetailsPanel design={design} selected={selected} capacity={capacity} findings={findings} /> : null}
        {design ? <CapacityPanel design={design} capacity={capacity} whatIf={whatIf} onChange={setWhatIf} selected={selected} /> : null}
      </aside>
    </div>
  );
}

function busiest(capacity: CapacityReport | undefined): string | undefined {
  let best: { id: string; u: number } | undefined;
  for (const c of capacity?.components ?? []) if (c.utilisation !== undefined && (!best || c.utilisation > best.u)) best = { id: c.id, u: c.utilisation };
  return best?.id;
}
