import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { loadOrFail, UsageError } from '../shared.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function register(program: Command): void {
  program
    .command('serve')
    .description('open a live viewer of the design in the browser; it reloads when a design file is saved')
    .argument('[design]', 'the design file', 'archwright.yaml')
    .option('-p, --port <port>', 'port to listen on', '4477')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (file: string, opts: { port: string; host: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${opts.port}: expected a port number`);
      if (!existsSync(file)) await loadOrFail(file); // the same located error as check
      const { startViewer, defaultWebRoot } = await import('../../server/viewer.js');
      const webRoot = defaultWebRoot(fileURLToPath(import.meta.url));
      if (!existsSync(webRoot)) throw new UsageError(`the viewer is not built (${webRoot} is missing): run npm run build`);
      if (!LOOPBACK.has(opts.host)) {
        process.stderr.write(`warning: listening on ${opts.host} makes the design readable by anyone who can reach this machine\n`);
      }
      const viewer = await startViewer({ design: file, webRoot, host: opts.host, port });
      process.stderr.write(`archwright viewer: ${viewer.url}  (Ctrl+C to stop)\n`);
      const stop = () => void viewer.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
