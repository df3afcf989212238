import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/model/load.js';
import { nodeHost, toDesignPath } from '../../src/io/node-host.js';
import { review } from '../../src/rules/engine.js';
import adapterProtocolMismatch from '../../src/rules/packs/plug-and-play/adapter-protocol-mismatch.js';
import { plugAndPlayRules } from '../../src/rules/packs/plug-and-play/index.js';
import platformsWithoutAdapter from '../../src/rules/packs/plug-and-play/platforms-without-adapter.js';
import { findingsOf } from '../helpers.js';

type Doc = Record<string, unknown> & { components: Record<string, unknown>[]; links: Record<string, unknown>[]; decisions: Record<string, unknown>[] };

/** Two payment providers, each behind an adapter for the payments interface. */
function sound(): Doc {
  return {
    components: [
      { id: 'stripe', kind: 'external', platform: 'payment' },
      { id: 'adyen', kind: 'external', platform: 'Payment' },
      { id: 'gateway', kind: 'gateway' },
      { id: 'payments', kind: 'service' },
      { id: 'checkout', kind: 'service' },
      { id: 'stripe-adapter', kind: 'service', adapterFor: 'payments' },
      { id: 'adyen-adapter', kind: 'service', adapterFor: 'payments' },
    ],
    links: [
      { from: 'checkout', to: 'payments', protocol: 'grpc' },
      { from: 'payments', to: 'stripe-adapter', protocol: 'grpc' },
      { from: 'payments', to: 'adyen-adapter', protocol: 'grpc' },
      { from: 'stripe-adapter', to: 'stripe', protocol: 'https' },
      { from: 'adyen-adapter', to: 'adyen', protocol: 'https' },
      { from: 'stripe', to: 'gateway', protocol: 'https' },
      { from: 'adyen', to: 'gateway', protocol: 'https' },
      { from: 'gateway', to: 'stripe-adapter', protocol: 'https' },
    ],
    decisions: [],
  };
}

function withDesign(change: (d: Doc) => void): Doc {
  const d = sound();
  change(d);
  return d;
}

const ids = (findings: { id: string }[]) => findings.map((f) => f.id);

describe('plug-and-play pack on a sound design', () => {
  it('reports nothing', () => {
    expect(findingsOf(plugAndPlayRules, sound())).toEqual([]);
  });
});

describe('plug-and-play/platforms-without-adapter', () => {
  it('reports a core service wired straight to platforms of one kind', () => {
    const findings = findingsOf(platformsWithoutAdapter, withDesign((d) => {
      d.links.push({ from: 'checkout', to: 'stripe', protocol: 'https' }, { from: 'adyen', to: 'checkout', protocol: 'https' });
    }));
    expect(ids(findings)).toEqual(['plug-and-play/platforms-without-adapter@checkout#payment']);
    expect(findings[0].evidence).toMatchObject({ externals: 'stripe, adyen', platform: 'payment' });
  });

  it('accepts a direct link when the platform has no second provider', () => {
    const findings = findingsOf(platformsWithoutAdapter, withDesign((d) => {
      d.components.push({ id: 'twilio', kind: 'external', platform: 'sms' });
      d.links.push({ from: 'checkout', to: 'twilio', protocol: 'https' });
    }));
    expect(findings).toEqual([]);
  });
});

describe('plug-and-play/adapter-protocol-mismatch', () => {
  const mismatched = (d: Doc) => {
    d.components.push({ id: 'paypal-adapter', kind: 'service', adapterFor: 'payments' });
    d.links.push({ from: 'stripe-adapter', to: 'payments', protocol: 'grpc' }, { from: 'adyen-adapter', to: 'payments', protocol: 'grpc' });
    d.links.push({ from: 'paypal-adapter', to: 'payments', protocol: 'http' });
  };

  it('reports the adapter whose protocol differs from the others\'', () => {
    const findings = findingsOf(adapterProtocolMismatch, withDesign(mismatched));
    expect(ids(findings)).toEqual(['plug-and-play/adapter-protocol-mismatch@paypal-adapter->payments']);
    expect(findings[0].evidence).toMatchObject({ protocol: 'http', usual: 'grpc' });
  });

  it('accepts a difference an accepted decision explains', () => {
    const findings = findingsOf(adapterProtocolMismatch, withDesign((d) => {
      mismatched(d);
      d.decisions.push({ id: 'ADR-9', title: 'PayPal adapter speaks HTTP', status: 'accepted', about: ['paypal-adapter'] });
    }));
    expect(findings).toEqual([]);
  });

  it('does not count a proposed decision as an explanation', () => {
    const findings = findingsOf(adapterProtocolMismatch, withDesign((d) => {
      mismatched(d);
      d.decisions.push({ id: 'ADR-9', title: 'PayPal adapter speaks HTTP', status: 'proposed', about: ['paypal-adapter'] });
    }));
    expect(findings).toHaveLength(1);
  });
});

describe('plug-and-play pack on the bundled example', () => {
  it('finds the bot engine replying to Slack and Teams directly', () => {
    const loaded = loadDesign(toDesignPath('examples/bot-platform/archwright.yaml'), nodeHost);
    const found = review(loaded.design!, plugAndPlayRules).findings;
    expect(ids(found)).toEqual(['plug-and-play/platforms-without-adapter@bot-engine#chat']);
  });
});
