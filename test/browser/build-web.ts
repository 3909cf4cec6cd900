/** The browser tier tests the built web app: build it once per run when it is missing or stale. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup() {
  const dist = join('web', 'dist', 'index.html');
  if (existsSync(dist) && statSync(dist).mtimeMs > newest(join('web', 'src'))) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  // The Brotli and gzip copies the server sends (as `npm run build:web` writes them).
  execFileSync(process.execPath, ['scripts/compress-web.mjs'], { stdio: 'inherit' });
}
