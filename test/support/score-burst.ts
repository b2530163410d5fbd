/**
 * A child process for the durability test: opens the core on a database (as the app does) and saves scores in a
 * loop through `core.call('scoring.setScore', …)`, one at a time, until it is killed. Before each call it writes
 * `try <n> <site> <indicator> <value>`, after the call has returned `ack <n> <site> <indicator> <value>` (value
 * `-` for a cleared score), each with a synchronous write, so every line it wrote reaches the parent even after
 * SIGKILL. The first line tells the pragmas of the connection that saves the scores.
 *
 * Usage: node --import tsx test/support/score-burst.ts <db> <seed> <competition> <juror> <sites,…> <indicators,…>
 */
import { writeSync } from 'node:fs';
import { openCore } from '../../electron/core/app.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import { seededRandom } from '../../shared/domain/synthetic.js';

const [database, seedText, competition, juror, sitesText, indicatorsText] = process.argv.slice(2);
if (!database || !seedText || !competition || !juror || !sitesText || !indicatorsText) {
  process.stderr.write('usage: score-burst.ts <db> <seed> <competition> <juror> <sites> <indicators>\n');
  process.exit(2);
}
const sites = sitesText.split(',');
const indicators = indicatorsText.split(',');
const random = seededRandom(Number(seedText));
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const core = openCore({ database, resources: repositoryResources(), version: 'burst', desktop: false });
const line = (text: string) => writeSync(1, `${text}\n`);
line(`pragma ${String(core.db.pragma('journal_mode', { simple: true }))} ${String(core.db.pragma('synchronous', { simple: true }))}`);

for (let n = 0; ; n += 1) {
  const site = pick(sites);
  const indicator = pick(indicators);
  const value = random() < 0.1 ? null : 1 + Math.floor(random() * 5);
  const shown = value === null ? '-' : String(value);
  line(`try ${n} ${site} ${indicator} ${shown}`);
  const result = await core.call('scoring.setScore', { competition, juror, site, indicator, value });
  if (!result.ok) {
    process.stderr.write(`refused: ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  line(`ack ${n} ${site} ${indicator} ${shown}`);
}
