import { join } from 'node:path';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { openTestCore } from './test/support/core.js';
const dir = '/tmp/perf/pk';
for (const s of ['', '-wal', '-shm']) rmSync(join(dir, 'run.sqlite' + s), { force: true });
cpSync(join(dir, 's.sqlite'), join(dir, 'run.sqlite'));
const core = openTestCore(join(dir, 'run.sqlite'), undefined, { home: join(dir, 'hs') });
const t = performance.now();
for (const f of readdirSync(dir).filter((f) => f.endsWith('.penilai'))) {
  const r = await core.call('exchange.apply', { name: f, bytes: readFileSync(join(dir, f)) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}
console.log('apply all', Math.round(performance.now() - t));
core.close();
