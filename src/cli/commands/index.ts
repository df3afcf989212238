/** Every subcommand; each module registers itself on the program. */
import type { Command } from 'commander';
import { register as check } from './check.js';

export const commands: ((program: Command) => void)[] = [check];
