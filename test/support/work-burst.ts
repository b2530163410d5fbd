/**
 * A child process for the durability test: opens the core on a secretariat's database (as the app does) and runs a
 * mixed workload through `core.call`, one change at a time, until it is killed: juror J1's scores, notes,
 * household checklists and photos at S02 and S03, edits of the setup (the name of site S03), once J2's score
 * package imported, and once J1's sheet at S01 completed and finalised. What it does and when comes from the seed.
 *
 * Before each call it writes `try <n> <json>`, after the call has returned `ack <n> <json>`, the JSON saying the
 * change (`{"kind":"score","site":"S02","indicator":"A1","value":3}`, a photo with the uuid the core gave it), each
 * line with a synchronous write, so every line it wrote reaches the parent even after SIGKILL. The first line
 * tells the pragmas of the connection that writes.
 *
 * Usage: node --import tsx test/support/work-burst.ts <db> <seed> <score package>
 */
import { readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { openCore } from '../../electron/core/app.js';
import { repositoryResources } from '../../electron/core/platform/resources.js';
import type { Channel } from '../../shared/contract/channels.js';
import type { ChannelInput, ChannelResults } from '../../shared/contract/schemas.js';
import { seededRandom } from '../../shared/domain/synthetic.js';
import { PHOTO, PNG, THUMB } from './jury.js';

/** One change as the child reports it and the parent checks it. */
export type Change =
  | { kind: 'score'; site: string; indicator: string; value: number | null }
  | { kind: 'note'; site: string; indicator: string; note: string }
  | { kind: 'household'; site: string; indicator: string; answers: (boolean | null)[][] }
  | { kind: 'photo'; site: string; indicator: string; uuid?: string }
  | { kind: 'site'; site: string; name: string }
  | { kind: 'import'; juror: string }
  | { kind: 'finalise'; site: string };

const COMPETITION = 'JABAR';
const JUROR = 'J1';
/** Where the random changes go (S01 is kept for the sheet that gets finalised). */
const SITES = ['S02', 'S03'];
const SCORED = ['A1', 'A2'];
const HOUSEHOLD = 'B1';

const [database, seedText, packageFile] = process.argv.slice(2);
if (!database || !seedText || !packageFile) {
  process.stderr.write('usage: work-burst.ts <db> <seed> <score package>\n');
  process.exit(2);
}
await run(database, Number(seedText), packageFile);

async function run(database: string, seed: number, packageFile: string): Promise<never> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const pkg = { name: basename(packageFile), bytes: new Uint8Array(readFileSync(packageFile)) };
  const importAt = Math.floor(random() * 40);
  const finaliseAt = Math.floor(random() * 40);

  const core = openCore({ database, resources: repositoryResources(), version: 'burst', desktop: false, log: () => {} });
  const line = (text: string) => writeSync(1, `${text}\n`);
  line(`pragma ${String(core.db.pragma('journal_mode', { simple: true }))} ${String(core.db.pragma('synchronous', { simple: true }))}`);

  let n = 0;
  async function change<C extends Channel>(said: Change, channel: C, input: ChannelInput<C>): Promise<ChannelResults[C]> {
    line(`try ${n} ${JSON.stringify(said)}`);
    const result = await core.call(channel, input);
    if (!result.ok) {
      process.stderr.write(`refused: ${JSON.stringify(said)} ${JSON.stringify(result.error)}\n`);
      process.exit(1);
    }
    const value = result.value as ChannelResults[C];
    const acked = said.kind === 'photo' ? { ...said, uuid: (value as ChannelResults['evidence.add']).uuid } : said;
    line(`ack ${n} ${JSON.stringify(acked)}`);
    n += 1;
    return value;
  }
  const at = (site: string, indicator: string) => ({ competition: COMPETITION, juror: JUROR, site, indicator });

  for (let step = 0; ; step += 1) {
    if (step === importAt) await change({ kind: 'import', juror: 'J2' }, 'exchange.apply', pkg);
    if (step === finaliseAt) {
      // S01 completed, then finalised: its three indicators first, each its own acknowledged change.
      for (const indicator of SCORED) {
        const value = 1 + Math.floor(random() * 5);
        await change({ kind: 'score', site: 'S01', indicator, value }, 'scoring.setScore', { ...at('S01', indicator), value });
      }
      const answers = [0, 1].map(() => [random() < 0.5, random() < 0.5]);
      await change({ kind: 'household', site: 'S01', indicator: HOUSEHOLD, answers }, 'scoring.setHousehold', {
        ...at('S01', HOUSEHOLD),
        answers,
      });
      await change({ kind: 'finalise', site: 'S01' }, 'scoring.finalise', {
        competition: COMPETITION,
        juror: JUROR,
        site: 'S01',
        signature: PNG,
      });
    }
    const site = pick(SITES);
    const roll = random();
    if (roll < 0.45) {
      const indicator = pick(SCORED);
      const value = random() < 0.1 ? null : 1 + Math.floor(random() * 5);
      await change({ kind: 'score', site, indicator, value }, 'scoring.setScore', { ...at(site, indicator), value });
    } else if (roll < 0.65) {
      const indicator = pick([...SCORED, HOUSEHOLD]);
      const note = `Catatan ${step}: rumah ${pick(['bersih', 'rapi', 'kurang terawat'])}, kader "aktif" — ${Math.floor(random() * 1000)}`;
      await change({ kind: 'note', site, indicator, note }, 'scoring.setNote', { ...at(site, indicator), note });
    } else if (roll < 0.8) {
      const answers = [0, 1].map(() => [0, 1].map(() => (random() < 0.2 ? null : random() < 0.5)));
      await change({ kind: 'household', site, indicator: HOUSEHOLD, answers }, 'scoring.setHousehold', { ...at(site, HOUSEHOLD), answers });
    } else if (roll < 0.9) {
      const indicator = pick([...SCORED, HOUSEHOLD]);
      await change({ kind: 'photo', site, indicator }, 'evidence.add', {
        ...at(site, indicator),
        name: `foto-${step}.jpg`,
        mime: 'image/jpeg',
        bytes: PHOTO,
        thumbnail: THUMB,
      });
    } else {
      const detail = await core.call('setup.get', { code: COMPETITION });
      if (!detail.ok) throw new Error(JSON.stringify(detail.error));
      const name = `Desa Cibodas ${step}`;
      await change({ kind: 'site', site: 'S03', name }, 'setup.save', {
        code: COMPETITION,
        competition: detail.value.info,
        sites: detail.value.sites.map((s) => (s.code === 'S03' ? { ...s, name } : s)),
        jurors: detail.value.jurors,
      });
    }
  }
}
