import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherReport, reportHtml, reportMarkdown } from '../../src/render/report/index.js';
import { launchBrowser, runBrowserTests } from '../browser.js';
import { designOf, exampleDesign } from '../helpers.js';
import type { Browser } from 'playwright-core';


describe('report', () => {
  let html = '';
  let markdown = '';
  beforeAll(async () => {
    const input = await gatherReport(exampleDesign(), { now: new Date('2026-11-24T00:00:00Z') });
    html = reportHtml(input);
    markdown = reportMarkdown(input);
  });

  it('is one self-contained HTML file: no external URL anywhere', () => {
    const urls = html.match(/(?:src|href)\s*=\s*["'][^"']*/gi) ?? [];
    expect(urls.filter((u) => !/=["'](#|data:)/.test(u))).toEqual([]);
    // the only http(s) strings are XML namespaces inside inline SVG
    const external = (html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter((u) => !u.startsWith('http://www.w3.org/'));
    expect(external).toEqual([]);
    expect(html).toContain("default-src 'none'");
  });

  it('shows every component in the diagrams, every finding, the capacity charts, decisions and compliance', () => {
    const design = exampleDesign();
    for (const c of design.components) expect(html).toContain(`<title>${c.id.replace(/-/g, '&#45;')}</title>`);
    const rows = html.match(/<tr data-severity=/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(html).toContain('aria-label="Utilisation per component"');
    expect(html).toContain('aria-label="Growth timeline"');
    expect(html).toContain('aria-label="Monthly cost against budget"');
    expect(html).toContain('ADR-001');
    expect(html).toContain('Compliance matrix: GDPR');
    expect(html).toContain('Compliance matrix: HIPAA');
    expect(html).toContain('Record of processing activities');
  });

  it('writes names from the design as text, never as markup', async () => {
    const design = designOf({
      system: { name: '<script>alert(1)</script>', purpose: '<img src=x onerror=alert(1)>' },
      components: [{ id: 'api', kind: 'service', name: '<b>bold</b>' }],
    });
    const out = reportHtml(await gatherReport(design, { svg: false }));
    expect(out).not.toContain('<script>alert(1)');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('has a Markdown variant with Mermaid diagrams and tables', () => {
    expect(markdown).toMatch(/^# Bot platform — architecture review/);
    expect(markdown).toContain('```mermaid');
    expect(markdown).toContain('| severity | element | finding | where |');
    expect(markdown).toContain('## Capacity');
  });

  describe.runIf(runBrowserTests)('in a browser', () => {
    let browser: Browser;
    let file = '';
    beforeAll(async () => {
      browser = await launchBrowser();
      const dir = mkdtempSync(join(tmpdir(), 'archwright-report-'));
      file = join(dir, 'report.html');
      writeFileSync(file, html);
    });
    afterAll(async () => browser?.close());

    it('opens from disk without a single network request, filters findings, and is legible', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`file://${file}`);
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      const total = await page.locator('#findings tbody tr').count();
      const errors = await page.locator('#findings tbody tr[data-severity="error"]').count();
      await page.uncheck('input[value="warning"]');
      await page.uncheck('input[value="info"]');
      expect(await page.locator('#findings tbody tr:visible').count()).toBe(errors);
      expect(await page.textContent('#shown')).toBe(`${errors} of ${total} shown`);
      const shots = join('test', 'screenshots');
      mkdirSync(shots, { recursive: true });
      await page.check('input[value="warning"]');
      await page.screenshot({ path: join(shots, 'report.png'), fullPage: false });
      await page.locator('#capacity ~ .diagram').first().screenshot({ path: join(shots, 'report-capacity.png') });
      await page.close();
    });
  });
});
