/**
 * Reading `archwright init` answers, from flags or prompts: lists, money, dates,
 * counts, regimes and user kinds. Pure; a bad answer throws AnswerError with a
 * message that says what was expected.
 */
import { suggestNearest } from '../model/errors.js';
import type { RegimeName, StarterUser, UserKindName } from './starter.js';

export class AnswerError extends Error {}

export const REGIMES: readonly RegimeName[] = ['gdpr', 'hipaa', 'pci', 'soc2', 'ccpa'];
export const USER_KINDS: readonly UserKindName[] = ['end-user', 'developer', 'operator', 'admin', 'partner', 'system'];

/** A comma-separated answer as a list; blanks dropped. */
export function parseList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

/** `4000`, `4000 EUR`, `4,000 USD/month`: a monthly budget. */
export function parseBudget(text: string): { monthly: number; currency: string } | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^([0-9][0-9,_]*(?:\.[0-9]+)?)\s*([A-Za-z]{3})?\s*(?:\/\s*(?:month|mo))?$/.exec(t);
  if (!m) throw new AnswerError(`budget "${text}": expected a monthly amount such as 4000 or 4000 EUR`);
  return { monthly: Number(m[1].replace(/[,_]/g, '')), currency: (m[2] ?? 'USD').toUpperCase() };
}

/** A real calendar date, YYYY-MM-DD. */
export function parseDeadline(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const date = new Date(`${t}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== t) {
    throw new AnswerError(`deadline "${text}": expected a date as YYYY-MM-DD, e.g. 2027-06-30`);
  }
  return t;
}

export function parseEngineers(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!/^\d+$/.test(t) || Number(t) === 0) throw new AnswerError(`engineers "${text}": expected a whole number of people, e.g. 4`);
  return Number(t);
}

export function parseRegimes(text: string): RegimeName[] {
  const out: RegimeName[] = [];
  for (const item of parseList(text.toLowerCase())) {
    if (item === 'none') continue;
    if (!REGIMES.includes(item as RegimeName)) {
      const nearest = suggestNearest(item, REGIMES);
      throw new AnswerError(`compliance "${item}": unknown regime${nearest ? ` (did you mean "${nearest}"?)` : ''}; known: ${REGIMES.join(', ')}`);
    }
    if (!out.includes(item as RegimeName)) out.push(item as RegimeName);
  }
  return out;
}

/** `end-user:Shoppers, operator`: kinds of users, each with an optional name. */
export function parseUsers(text: string): StarterUser[] {
  return parseList(text).map((item) => {
    const colon = item.indexOf(':');
    const kind = (colon < 0 ? item : item.slice(0, colon)).trim().toLowerCase();
    const name = colon < 0 ? undefined : item.slice(colon + 1).trim() || undefined;
    if (!USER_KINDS.includes(kind as UserKindName)) {
      const nearest = suggestNearest(kind, USER_KINDS);
      throw new AnswerError(`users "${item}": unknown kind "${kind}"${nearest ? ` (did you mean "${nearest}"?)` : ''}; write kind or kind:name with a kind of ${USER_KINDS.join(', ')}`);
    }
    return { kind: kind as UserKindName, name };
  });
}
