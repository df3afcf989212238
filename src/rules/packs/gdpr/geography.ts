/**
 * Which country a region names: cloud regions (AWS, Google Cloud, Azure),
 * ISO country codes, and EU / EEA. Unknown regions stay unknown, so a rule
 * can report a gap instead of guessing.
 */
import { EEA } from './adequacy.js';

/** Stands for "somewhere in the EEA" when a region says only EU or EEA. */
export const SOMEWHERE_IN_EEA = 'EU';

const REGIONS: Record<string, string> = {
  // AWS
  'us-east-1': 'US', 'us-east-2': 'US', 'us-west-1': 'US', 'us-west-2': 'US', 'us-gov-east-1': 'US', 'us-gov-west-1': 'US',
  'ca-central-1': 'CA', 'ca-west-1': 'CA', 'sa-east-1': 'BR', 'mx-central-1': 'MX',
  'eu-west-1': 'IE', 'eu-west-2': 'GB', 'eu-west-3': 'FR', 'eu-central-1': 'DE', 'eu-central-2': 'CH',
  'eu-north-1': 'SE', 'eu-south-1': 'IT', 'eu-south-2': 'ES',
  'ap-northeast-1': 'JP', 'ap-northeast-2': 'KR', 'ap-northeast-3': 'JP', 'ap-south-1': 'IN', 'ap-south-2': 'IN',
  'ap-southeast-1': 'SG', 'ap-southeast-2': 'AU', 'ap-southeast-3': 'ID', 'ap-southeast-4': 'AU', 'ap-southeast-5': 'MY',
  'ap-east-1': 'HK', 'me-south-1': 'BH', 'me-central-1': 'AE', 'il-central-1': 'IL', 'af-south-1': 'ZA',
  'cn-north-1': 'CN', 'cn-northwest-1': 'CN',
  // Google Cloud
  'europe-west1': 'BE', 'europe-west2': 'GB', 'europe-west3': 'DE', 'europe-west4': 'NL', 'europe-west6': 'CH',
  'europe-west8': 'IT', 'europe-west9': 'FR', 'europe-west10': 'DE', 'europe-west12': 'IT', 'europe-north1': 'FI',
  'europe-north2': 'SE', 'europe-central2': 'PL', 'europe-southwest1': 'ES',
  'northamerica-northeast1': 'CA', 'northamerica-northeast2': 'CA', 'southamerica-east1': 'BR',
  'asia-northeast1': 'JP', 'asia-northeast2': 'JP', 'asia-northeast3': 'KR', 'asia-south1': 'IN', 'asia-southeast1': 'SG',
  'australia-southeast1': 'AU', 'me-west1': 'IL',
  // Azure
  westeurope: 'NL', northeurope: 'IE', germanywestcentral: 'DE', francecentral: 'FR', uksouth: 'GB', ukwest: 'GB',
  switzerlandnorth: 'CH', swedencentral: 'SE', norwayeast: 'NO', italynorth: 'IT', polandcentral: 'PL', spaincentral: 'ES',
  eastus: 'US', eastus2: 'US', westus: 'US', westus2: 'US', westus3: 'US', centralus: 'US', northcentralus: 'US', southcentralus: 'US',
  canadacentral: 'CA', japaneast: 'JP', koreacentral: 'KR', australiaeast: 'AU', brazilsouth: 'BR', centralindia: 'IN',
};

/** The ISO country code a region is in, `EU` for "somewhere in the EEA", or undefined when unknown. */
export function countryOfRegion(region: string): string | undefined {
  const r = region.trim().toLowerCase();
  if (r === 'eu' || r === 'eea' || r === 'europe') return SOMEWHERE_IN_EEA;
  if (REGIONS[r]) return REGIONS[r];
  if (/^[a-z]{2}$/.test(r)) return r.toUpperCase();
  if (/^us-(east|west|central|south|north)/.test(r) || /^us-gov-/.test(r)) return 'US';
  return undefined;
}

export function isEeaCountry(country: string): boolean {
  return country === SOMEWHERE_IN_EEA || EEA.has(country);
}

/** Whether a region is inside the EEA; false for regions outside it or unknown. */
export function isEeaRegion(region: string): boolean {
  const country = countryOfRegion(region);
  return country !== undefined && isEeaCountry(country);
}
