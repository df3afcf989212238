/**
 * The local viewer server: the web app, the design's own files, and change
 * events. Nothing else is served; it listens on 127.0.0.1 unless told otherwise.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { readDesignFile, snapshotDesign, type DesignSnapshot } from './design-files.js';

export interface ViewerOptions {
  design: string;
  /** The built web app (web/dist). */
  webRoot: string;
  host?: string;
  port?: number;
}

export interface Viewer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

export async function startViewer(options: ViewerOptions): Promise<Viewer> {
  const root = dirname(resolve(options.design));
  let snapshot: DesignSnapshot = snapshotDesign(options.design);
  const clients = new Set<(event: string) => void>();
  const watchers: FSWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const rewatch = () => {
    for (const w of watchers.splice(0)) w.close();
    // Watch folders too: editors save by writing a new file and renaming it over the old one.
    const targets = new Set(snapshot.watched.flatMap((p) => [p, dirname(p)]));
    for (const target of targets) {
      if (!existsSync(target)) continue;
      try {
        watchers.push(watch(target, () => changed()));
      } catch {
        // a file that vanished between the check and the watch is picked up on the next change
      }
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const before = JSON.stringify(snapshot.files);
      snapshot = snapshotDesign(options.design);
      rewatch();
      if (JSON.stringify(snapshot.files) !== before) for (const send of clients) send('change');
    }, 80);
  };
  rewatch();

  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: resolve(options.webRoot), prefix: '/', index: ['index.html'], wildcard: false });

  app.get('/api/design', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { entry: snapshot.entry, files: snapshot.files, globs: snapshot.globs };
  });

  app.get('/api/events', (req, reply) => {
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    reply.raw.write('retry: 500\n\n');
    const send = (event: string) => reply.raw.write(`event: ${event}\ndata: ${Date.now()}\n\n`);
    clients.add(send);
    req.raw.on('close', () => clients.delete(send));
  });

  app.get('/files/*', async (req, reply) => {
    const requested = (req.params as { '*': string })['*'];
    const text = readDesignFile(snapshot, root, requested);
    if (text === undefined) return reply.code(404).send({ error: 'not found' });
    return reply.type('text/plain; charset=utf-8').send(text);
  });

  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not found' }));

  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 4477 });
  return {
    app,
    url: address.replace('[::1]', 'localhost'),
    async close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await app.close();
    },
  };
}

export function defaultWebRoot(fromModule: string): string {
  // dist/bundle/*.js or dist/server/*.js → <package>/web/dist
  let dir = dirname(fromModule);
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'web', 'dist', 'index.html'))) return join(dir, 'web', 'dist');
    dir = dirname(dir);
  }
  return join(dirname(fromModule), '..', '..', 'web', 'dist');
}
