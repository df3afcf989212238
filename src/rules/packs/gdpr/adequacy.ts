/**
 * Countries with a European Commission adequacy decision (GDPR Art. 45), as
 * dated data: the list changes, so it carries the day it was read and where.
 * Re-check it against the Commission's list before each release.
 */
export interface AdequacyList {
  /** The day the list was read from the source. */
  asOf: string;
  source: string;
  /** ISO 3166-1 alpha-2 codes with an adequacy decision covering the private sector in general. */
  countries: ReadonlySet<string>;
  /** Adequacy that covers only some recipients: the transfer needs that recipient to be covered. */
  partial: ReadonlyMap<string, string>;
}

export const ADEQUACY: AdequacyList = {
  asOf: '2026-11-24',
  source: 'CNPD Luxembourg, "Transfers outside the EEA: adequate protection" (cnpd.public.lu), listing the European Commission adequacy decisions, cross-checked with the Bulgarian CPDP (cpdp.bg); plus Commission Implementing Decision (EU) 2026/179 of 26 January 2026 (Brazil) and the renewal of the UK decisions on 19 December 2025 (valid until 27 December 2031).',
  countries: new Set([
    'AD', // Andorra
    'AR', // Argentina
    'BR', // Brazil, Implementing Decision (EU) 2026/179
    'FO', // Faroe Islands
    'GG', // Guernsey
    'IL', // Israel
    'IM', // Isle of Man
    'JP', // Japan
    'JE', // Jersey
    'NZ', // New Zealand
    'KR', // Republic of Korea
    'CH', // Switzerland
    'GB', // United Kingdom, renewed until 27 December 2031
    'UY', // Uruguay
  ]),
  partial: new Map([
    ['CA', 'recipients subject to PIPEDA (commercial organisations)'],
    ['US', 'companies certified under the EU-US Data Privacy Framework'],
  ]),
};

/** EU member states plus Iceland, Liechtenstein and Norway. */
export const EEA: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);
