/** Every subcommand; each module registers itself on the program. */
import type { Command } from 'commander';
import { register as check } from './check.js';
import { register as diff } from './diff.js';
import { register as rules } from './rules.js';
import { register as explain } from './explain.js';
import { register as simulate } from './simulate.js';
import { register as schema } from './schema.js';
import { register as init } from './init.js';
import { register as contracts } from './contracts.js';
import { register as capacity } from './capacity.js';
import { register as diagram } from './diagram.js';
import { register as report } from './report.js';
import { register as serve } from './serve.js';
import { register as compliance } from './compliance.js';
import { register as ropa } from './ropa.js';

export const commands: ((program: Command) => void)[] = [check, diff, rules, explain, simulate, schema, init, contracts, capacity, diagram, report, serve, compliance, ropa];
