import type { Component, Requirement } from '../../../model/design.js';
import { defineRule } from '../../types.js';

export default defineRule({
  id: 'requirements/out-of-scope-served',
  severity: 'warning',
  summary: 'A function listed as out of scope (system.scope.out) that the design serves anyway.',
  rationale:
    'Writing down what the system will not do is how a team refocuses when scope creeps. A component built for a function the scope excludes contradicts that agreement: either the scope changed and should say so, or the work should stop. A requirement counts when its `scope` is an out-of-scope item and a component serves it; a component counts when its id or name spells an out-of-scope item (descriptions are not read: they often say what a component does not do).',
  citations: ['Guide §2 Set Requirements (purpose and scope)', 'Guide §5 Scope Creep'],
  fix: 'Move the function to `system.scope.in` (and record why in a decision), or remove what serves it.',
  check(ctx) {
    const { design } = ctx;
    const outItems = design.system.scope?.out ?? [];
    if (outItems.length === 0) return;
    const outByPhrase = new Map<string, string>();
    for (const item of outItems) {
      const phrase = words(item).join(' ');
      if (phrase) outByPhrase.set(phrase, item);
    }

    const firstWords = [...outByPhrase.keys()].map((phrase) => phrase.split(' ')[0]);
    // An in-scope function can name an out-of-scope one ("payment reminders" in, "payments" out).
    const inPhrases = (design.system.scope?.in ?? []).map((item) => words(item)).filter((w) => w.length > 0);

    // Which components serve what is asked only when a requirement belongs to an out-of-scope item.
    const outRequirements = new Map<Requirement, string>();
    for (const r of design.requirements) {
      const item = r.scope ? outByPhrase.get(words(r.scope).join(' ')) : undefined;
      if (item !== undefined) outRequirements.set(r, item);
    }
    const servedBy = new Map<string, string[]>();
    if (outRequirements.size > 0) {
      for (const c of design.components) {
        for (const r of c.serves) {
          let list = servedBy.get(r);
          if (!list) servedBy.set(r, (list = []));
          list.push(c.id);
        }
      }
    }
    for (const [r, item] of outRequirements) reportRequirement(r, item);
    for (const c of design.components) reportComponent(c);

    function reportRequirement(r: Requirement, item: string) {
      const components = servedBy.get(r.id);
      if (!components) return;
      ctx.report({
        subject: { kind: 'requirement', id: r.id },
        field: ['scope'],
        message: `Requirement ${r.id} belongs to "${item}", which is out of scope, yet ${components.join(', ')} serve${components.length === 1 ? 's' : ''} it.`,
        evidence: { scope: item, servedBy: components.join(', ') },
      });
    }

    function reportComponent(c: Component) {
      if (!reportName(c, 'id', c.id)) reportName(c, 'name', c.name);
    }

    /** Reports the component when this name of it spells an out-of-scope item; whether it did. */
    function reportName(c: Component, field: 'id' | 'name', text: string | undefined): boolean {
      if (!text) return false;
      // Cheap test first: most names share no word with any out-of-scope item.
      const lower = text.toLowerCase();
      if (!firstWords.some((w) => lower.includes(w))) return false;
      const tokens = words(text);
      for (const [phrase, item] of outByPhrase) {
        const outWords = phrase.split(' ');
        if (!containsPhrase(tokens, outWords)) continue;
        if (inPhrases.some((inWords) => containsPhrase(inWords, outWords) && containsPhrase(tokens, inWords))) continue;
        ctx.report({
          subject: { kind: 'component', id: c.id },
          field: [field],
          message: `Component ${c.id} is named for "${item}", which system.scope.out lists as out of scope.`,
          evidence: { outOfScope: item, matchedIn: field },
        });
        return true;
      }
      return false;
    }
  },
});

/** Lower-case words of an id, name or phrase, with a plural -s dropped so "payments" matches "payment-service". */
function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

function containsPhrase(tokens: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    let j = 0;
    while (j < phrase.length && tokens[i + j] === phrase[j]) j++;
    if (j === phrase.length) return true;
  }
  return false;
}
