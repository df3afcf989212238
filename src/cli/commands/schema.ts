import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the design file (for editors and other tools)')
    .action(async () => {
      const { designJsonSchema } = await import('../../model/schema.js');
      process.stdout.write(`${JSON.stringify(designJsonSchema(), null, 2)}\n`);
    });
}
