import type { Rule } from '../../types.js';
import mixedInternalProtocols from './mixed-internal-protocols.js';
import nonstandardInternalProtocol from './nonstandard-internal-protocol.js';
import protocolNotExposed from './protocol-not-exposed.js';

export const protocolsRules: Rule[] = [nonstandardInternalProtocol, protocolNotExposed, mixedInternalProtocols];
