// A minimal static file server for dist/, mounted under a sub-path, so the
// tests exercise the built site the way a user's web host serves it. The one
// difference: every HTML page gets ERROR_COLLECTOR as its first script, so a
// test can read the page's errors in an engine whose driver reports none
// (WebKitWebDriver has no console events); nothing of it ships in dist/.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The global the collector fills: console.error calls, uncaught errors, unhandled rejections and worker errors, in order. */
export const ERROR_GLOBAL = '__epochLabErrors';

const ERROR_COLLECTOR = `<script>(() => {
  const errors = (window.${ERROR_GLOBAL} = []);
  const text = (value) => (value instanceof Error ? String(value) + (value.stack ? '\\n' + value.stack : '') : String(value));
  const consoleError = console.error.bind(console);
  console.error = (...args) => { errors.push(args.map(text).join(' ')); consoleError(...args); };
  window.addEventListener('error', (event) => errors.push('uncaught: ' + text(event.error ?? event.message)));
  window.addEventListener('unhandledrejection', (event) => errors.push('unhandled rejection: ' + text(event.reason)));
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('error', (event) => errors.push('worker: ' + (event.message || 'error')));
    }
  };
})();</script>`;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function startStaticServer(root: string, subPath: string): Promise<StaticServer> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!path.startsWith(subPath)) {
      res.writeHead(404).end('not under the sub-path');
      return;
    }
    const relative = normalize(path.slice(subPath.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    try {
      let body: Buffer | string = await readFile(join(root, relative));
      if (extname(relative) === '.html') body = String(body).replace(/<head>/i, (head) => head + ERROR_COLLECTOR);
      res.writeHead(200, { 'content-type': TYPES[extname(relative)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}${subPath}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
