/** Character codes the YAML scanners (common-yaml.ts, locate.ts) compare against. */
export const BACKSLASH = 0x5c;
export const CLOSE_CURLY = 0x7d;
export const CLOSE_SQUARE = 0x5d;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const CR = 0x0d;
export const DASH = 0x2d;
export const DQUOTE = 0x22;
export const HASH = 0x23;
export const LF = 0x0a;
export const OPEN_CURLY = 0x7b;
export const OPEN_SQUARE = 0x5b;
export const SPACE = 0x20;
export const SQUOTE = 0x27;
export const TAB = 0x09;
