/**
 * Receiving a package (contract.md section 5): plan, then apply.
 *
 * Everything is checked before anything is written: the package itself (`readPackage`: zip, signature, every
 * member), then against this database: the competition (same uuid; a package of another competition with the same
 * code is refused), the instrument (same SHA-256), the juror and every cell's eligibility, the laptop's key (pinned
 * per juror; another key for a juror is held until the secretariat accepts it), the chain of entries (each link and
 * hash, the head the manifest names, agreement with what this database already holds of that chain), and that the
 * juror's work (`work.json`) is what the entries say.
 *
 * The plan says what would change per site and indicator: new, changed, unchanged, or conflict. A cell is in
 * conflict when the package changes it while the last change held here came from elsewhere (the secretariat, or
 * the same juror on another laptop) and the values differ: then the entries are stored (the laptop's chain stays
 * whole) but the value held here is kept, with an entry that says so (`undoes` the package's entry), and the
 * conflict waits for the secretariat. Applying is one unit of the write gate; a second import of the same package
 * finds every entry held and changes nothing.
 */
import { isUtf8 } from 'node:buffer';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CellSide, CellStatus, ImportPlan, PlanCell } from '../../../shared/contract/exchange.js';
import { parseCompetitionFile, type CompetitionFile } from '../../../shared/domain/competition.js';
import { isEligible } from '../../../shared/domain/eligibility.js';
import { UserError } from '../../../shared/domain/errors.js';
import { listIndicators } from '../../../shared/domain/instrument.js';
import { EPSILON } from '../../../shared/domain/numbers.js';
import {
  accessSchema,
  isFullEntry,
  parseLedgerFile,
  SCORES_LEDGER_FILE,
  SCORES_WORK_FILE,
  SETUP_ACCESS_FILE,
  SETUP_COMPETITION_FILE,
  WORK_KINDS,
  parseWork,
  type PackageAccess,
  type PackageEntry,
  type PackageManifest,
} from '../../../shared/domain/package.js';
import { SECRETARIAT } from '../../../shared/domain/roles.js';
import type { z } from 'zod';
import type { Deps } from '../deps.js';
import { evidenceFolder, evidenceText, originalFile, putFile, thumbnailFile } from '../platform/files.js';
import type { ReceivedEntry, UnitOfWork } from '../platform/gate.js';
import { sha256 } from '../platform/hash.js';
import { fingerprint } from '../platform/identity.js';
import { historyHash, ledgerHash, ZERO_HASH } from '../platform/ledger.js';
import { readPackage, type ReadPackage } from './package-file.js';
import type { ExchangeRepository, LastEntry } from './repository.js';

export interface ReceiveInput {
  name: string;
  bytes: Uint8Array;
  acceptKey?: string | undefined;
}

type Facet = 'value' | 'note' | 'answers';

/** The side of a cell that holds nothing here and was never written here (one object for the many new cells). */
const NOTHING_HERE: CellSide = Object.freeze({ value: null, note: null, household: null, actor: null, device: null, at: null });

const sameValue = (a: number | null, b: number | null): boolean => (a === null || b === null ? a === b : Math.abs(a - b) < EPSILON);

/** Reads, checks and plans a package; with `apply`, applies the plan in one unit of work. */
export async function receivePackage(deps: Deps, exchange: ExchangeRepository, input: ReceiveInput, apply: boolean): Promise<ImportPlan> {
  const read = await readPackage(input.bytes, input.name);
  const ctx: Ctx = { deps, exchange, read, file: input.name, sha: sha256(input.bytes), acceptKey: input.acceptKey };
  if (read.manifest.kind === 'setup') return receiveSetup(ctx, apply);
  return receiveScores(ctx, apply);
}

interface Ctx {
  deps: Deps;
  exchange: ExchangeRepository;
  read: ReadPackage;
  file: string;
  sha: string;
  acceptKey: string | undefined;
}

function member(ctx: Ctx, path: string): Uint8Array {
  const found = ctx.read.members.find((m) => m.path === path);
  if (!found) throw new UserError('exchange.missing', { file: ctx.file, member: path });
  return found.bytes;
}

/** A member's JSON; anything unreadable refuses the package naming the member. */
function jsonValue(ctx: Ctx, path: string): unknown {
  const bytes = member(ctx, path);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Valid UTF-8 only (checked natively), then decoded the fast way: megabytes of entries per package.
  if (!isUtf8(buffer)) throw new UserError('exchange.badMember', { file: ctx.file, member: path });
  try {
    return JSON.parse(buffer.toString('utf8'));
  } catch {
    throw new UserError('exchange.badMember', { file: ctx.file, member: path });
  }
}

/** A JSON member read and checked against its schema; anything else refuses the package naming the member. */
function jsonMember<T>(ctx: Ctx, path: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(jsonValue(ctx, path));
  if (!parsed.success) throw new UserError('exchange.badMember', { file: ctx.file, member: path });
  return parsed.data;
}

/** The competition the package belongs to, found by its uuid; another competition with the same code is refused. */
function findCompetition(ctx: Ctx, manifest: PackageManifest): { code: string; name: string } | null {
  const { uuid, code } = manifest.competition;
  const byCode = ctx.exchange.competitionByCode(code);
  if (byCode && byCode.uuid !== uuid) throw new UserError('exchange.otherCompetition', { file: ctx.file, code }, 'conflict');
  return ctx.exchange.competitionByUuid(uuid);
}

const emptyCounts = () => ({ new: 0, changed: 0, unchanged: 0, conflicts: 0, photos: 0, sheets: 0 });

// ---------------------------------------------------------------------------------------------------------------
// Setup packages: a competition for a juror's laptop.

function receiveSetup(ctx: Ctx, apply: boolean): ImportPlan {
  const { deps, exchange, read } = ctx;
  const manifest = read.manifest;
  const parsed = parseCompetitionFile(jsonValue(ctx, SETUP_COMPETITION_FILE));
  if (!parsed.ok) throw new UserError('exchange.badMember', { file: ctx.file, member: SETUP_COMPETITION_FILE });
  const file: CompetitionFile = parsed.value;
  const access: PackageAccess = jsonMember(ctx, SETUP_ACCESS_FILE, accessSchema);
  if (file.competition.uuid !== manifest.competition.uuid || file.competition.code !== manifest.competition.code)
    throw new UserError('exchange.badMember', { file: ctx.file, member: SETUP_COMPETITION_FILE });
  const code = manifest.competition.code;
  const device = { id: manifest.device.id, fingerprint: fingerprint(manifest.device.publicKey) };
  const base = {
    kind: 'setup' as const,
    file: ctx.file,
    sha256: ctx.sha,
    competition: { uuid: manifest.competition.uuid, code, name: file.competition.name },
    created: manifest.created,
    counts: emptyCounts(),
    cells: [],
    sheets: [],
    setup: { sites: file.sites.length, jurors: file.jurors.length },
  };

  return deps.repos.gate.run({ competition: null }, (unit) => {
    const found = findCompetition(ctx, manifest);
    let action: ImportPlan['action'] = 'create';
    let trust: ImportPlan['device']['trust'] = 'first';
    if (found) {
      const source = exchange.source(code);
      const creator = exchange.creator(code);
      if (!source && creator === manifest.device.id) {
        // The secretariat's own competition, back on its own database.
        return { ...base, device: { ...device, trust: 'secretariat' }, action: 'unchanged', applied: false };
      }
      if (!source || source.device !== manifest.device.id || source.publicKey !== manifest.device.publicKey)
        throw new UserError('exchange.otherSecretariat', { file: ctx.file, code, fingerprint: device.fingerprint }, 'conflict');
      trust = 'pinned';
      action = source.created >= manifest.created ? 'unchanged' : 'update';
    }
    const plan: ImportPlan = { ...base, device: { ...device, trust }, action, applied: false };
    if (!apply || action === 'unchanged') return plan;

    const now = deps.clock().toISOString();
    const previous = found ? exchange.source(code)!.access : { secretariat: null, jurors: {} };
    if (action === 'create') {
      deps.repos.setup.createCompetition(file);
    } else {
      const detail = deps.repos.setup.loadCompetition(code);
      if (detail.instrumentSha256 !== manifest.instrument.sha256) deps.repos.setup.moveInstrument(code, file.instrument);
      deps.repos.setup.saveCompetition(code, file.competition, file.sites, file.jurors);
    }
    // PINs: what the secretariat set, unless the juror changed theirs on this laptop since the last setup.
    for (const j of file.jurors) {
      const given = access.jurors[j.code] ?? null;
      if (given === (previous.jurors[j.code] ?? null)) continue;
      if (deps.repos.scoring.juror(code, j.code).pinHash === given) continue;
      deps.repos.scoring.setPinHash({ competition: code, juror: j.code, pinHash: given, actor: SECRETARIAT });
    }
    if (
      access.secretariat !== null &&
      access.secretariat !== previous.secretariat &&
      deps.repos.setup.secretariatPinHash(code) !== access.secretariat
    )
      deps.repos.setup.setSecretariatPinHash(code, access.secretariat);
    exchange.setSource(code, {
      device: manifest.device.id,
      publicKey: manifest.device.publicKey,
      created: manifest.created,
      packageSha256: ctx.sha,
      access,
      receivedAt: now,
    });
    exchange.registerDevice(manifest.device.id, manifest.device.publicKey, now);
    unit.append({
      competition: code,
      kind: 'exchange.setup',
      actor: SECRETARIAT,
      payload: {
        v: 1,
        text: JSON.stringify({
          action,
          package: ctx.sha,
          secretariat: { device: manifest.device.id, fingerprint: device.fingerprint },
          created: manifest.created,
        }),
      },
    });
    return { ...plan, applied: true };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Score packages: one juror's work from one laptop.

interface FacetState {
  value: number | null;
  note: string | null;
  answers: string | null;
}

interface Replayed {
  /** Per cell: what it holds after the entries, and the last entry that wrote each facet (none: not touched). */
  cells: Map<string, FacetState & { last: Partial<Record<Facet, PackageEntry>> }>;
  sheets: Map<string, PackageEntry>;
  photos: Map<string, string[]>;
  /** Every photo an entry added to a cell, removed since or not. */
  added: Map<string, string[]>;
}

const cellKey = (site: string, indicator: string): string => `${site}\u0000${indicator}`;

/** What a list of the juror's entries says each cell, sheet and photo list holds after them. */
function replay(entries: readonly PackageEntry[]): Replayed {
  const out: Replayed = { cells: new Map(), sheets: new Map(), photos: new Map(), added: new Map() };
  for (const e of entries) {
    if (e.kind === 'finalise' || e.kind === 'reopen') {
      out.sheets.set(e.site!, e);
      continue;
    }
    const k = cellKey(e.site!, e.indicator!);
    if (e.kind === 'evidence') {
      const list = out.photos.get(k) ?? [];
      if (e.oldText === null && e.newText !== null) {
        list.push(e.newText);
        out.added.set(k, [...(out.added.get(k) ?? []), e.newText]);
      } else if (e.oldText !== null && e.newText === null) {
        const i = list.indexOf(e.oldText);
        if (i >= 0) list.splice(i, 1);
      }
      out.photos.set(k, list);
      continue;
    }
    let c = out.cells.get(k);
    if (!c) out.cells.set(k, (c = { value: null, note: null, answers: null, last: {} }));
    if (e.kind === 'score' || e.kind === 'household') {
      c.value = e.newValue;
      c.last.value = e;
    }
    if (e.kind === 'household') {
      c.answers = e.newText;
      c.last.answers = e;
    }
    if (e.kind === 'note') {
      c.note = e.newText;
      c.last.note = e;
    }
  }
  return out;
}

function householdSummary(answers: string | null): CellSide['household'] {
  if (answers === null) return null;
  const list = JSON.parse(answers) as (boolean | null)[][];
  const flat = list.flat();
  return { families: list.length, yes: flat.filter((a) => a === true).length, answered: flat.filter((a) => a !== null).length };
}

function receiveScores(ctx: Ctx, apply: boolean): ImportPlan {
  const { deps, exchange, read } = ctx;
  const manifest = read.manifest;
  if (manifest.kind !== 'scores') throw new Error('not a scores package');
  const work = parseWork(jsonValue(ctx, SCORES_WORK_FILE));
  if (work === null) throw new UserError('exchange.badMember', { file: ctx.file, member: SCORES_WORK_FILE });
  const ledger = parseLedgerFile(jsonValue(ctx, SCORES_LEDGER_FILE));
  if (ledger === null) throw new UserError('exchange.badMember', { file: ctx.file, member: SCORES_LEDGER_FILE });
  const juror = manifest.juror;
  const chain = manifest.device.id;
  const fp = fingerprint(manifest.device.publicKey);
  if (work.juror !== juror) throw new UserError('exchange.badMember', { file: ctx.file, member: SCORES_WORK_FILE });
  if (ledger.chain !== chain || manifest.entries.chain !== chain)
    throw new UserError('exchange.badMember', { file: ctx.file, member: SCORES_LEDGER_FILE });

  // The chain: every place from the first to the head, each linked to the one before, whole entries hashed again.
  if (manifest.entries.from !== 1 || ledger.entries.length !== manifest.entries.to)
    throw new UserError('exchange.chainBroken', { file: ctx.file, seq: 1 });
  let prev = ZERO_HASH;
  const kinds = new Set<string>(WORK_KINDS);
  const full: PackageEntry[] = [];
  /** Each whole entry as the ledger stores it (its chain added), made once for its hash and its insert. */
  const received = new Map<number, ReceivedEntry>();
  for (let i = 0; i < ledger.entries.length; i += 1) {
    const e = ledger.entries[i]!;
    if (e.seq !== i + 1 || e.prevHash !== prev) throw new UserError('exchange.chainBroken', { file: ctx.file, seq: i + 1 });
    if (isFullEntry(e)) {
      // The entry as the ledger stores it: the parsed object itself, its chain added (no copy of 6,000 entries).
      const fields = Object.assign(e, { chain }) as PackageEntry & ReceivedEntry;
      const expected = e.format === 1 ? historyHash(e.prevHash, fields) : ledgerHash(e.prevHash, fields);
      if (expected !== e.hash) throw new UserError('exchange.chainBroken', { file: ctx.file, seq: e.seq });
      // A whole entry must be this juror's work in this competition, on this laptop.
      if (e.competition !== manifest.competition.code || e.juror !== juror || !kinds.has(e.kind) || (e.format === 2 && e.device !== chain))
        throw new UserError('exchange.notJurorsWork', { file: ctx.file, seq: e.seq, juror });
      if (
        e.site === null ||
        ((e.kind === 'score' || e.kind === 'note' || e.kind === 'household' || e.kind === 'evidence') && e.indicator === null)
      )
        throw new UserError('exchange.notJurorsWork', { file: ctx.file, seq: e.seq, juror });
      full.push(e);
      received.set(e.seq, fields);
    }
    prev = e.hash;
  }
  if (prev !== manifest.entries.head) throw new UserError('exchange.chainBroken', { file: ctx.file, seq: manifest.entries.to });

  // What the entries say must be what the work says.
  const replayed = replay(full);
  const workCells = new Map(work.cells.map((c) => [cellKey(c.site, c.indicator), c]));
  // Both ways: every cell of the work is one the entries wrote, and holds nothing they did not write.
  for (const k of new Set([...replayed.cells.keys(), ...workCells.keys()])) {
    const r = replayed.cells.get(k) ?? { value: null, note: null, answers: null };
    const w = workCells.get(k);
    const [site, indicator] = k.split('\u0000') as [string, string];
    const answers = w?.answers ? JSON.stringify(w.answers) : null;
    if (!replayed.cells.has(k) || !sameValue(r.value, w?.value ?? null) || r.note !== (w?.note ?? null) || r.answers !== answers)
      throw new UserError('exchange.workMismatch', { file: ctx.file, site, indicator });
  }
  const workSheets = new Map(work.sheets.map((s) => [s.site, s]));
  // One row per sheet: a site named twice would let one row hide another.
  if (workSheets.size !== work.sheets.length) {
    const seen = new Set<string>();
    const twice = work.sheets.find((s) => seen.size === seen.add(s.site).size)!;
    throw new UserError('exchange.workMismatch', { file: ctx.file, site: twice.site, indicator: '—' });
  }
  for (const [site, e] of replayed.sheets) {
    const s = workSheets.get(site);
    const finalised = e.kind === 'finalise';
    if (!s || (s.finalisedAt !== null) !== finalised || (finalised && s.finalisedAt !== e.at) || (!finalised && s.signature !== null))
      throw new UserError('exchange.workMismatch', { file: ctx.file, site, indicator: '—' });
    // A finalised sheet carries the drawn signature its entry names (a sheet finalised in bulk, the demo's, has none).
    if (finalised) {
      const bytes = s.signature === null ? null : member(ctx, s.signature);
      if (bytes === null ? e.newText !== null : `sha256:${sha256(bytes)}` !== e.newText)
        throw new UserError('exchange.workMismatch', { file: ctx.file, site, indicator: '—' });
    }
  }
  // A sheet the entries never touched is a draft: the laptop makes its row when the juror first writes on it.
  const touchedSites = new Set([...replayed.cells.keys(), ...replayed.photos.keys()].map((k) => k.split('\u0000')[0]!));
  for (const s of work.sheets) {
    if (!replayed.sheets.has(s.site) && (s.finalisedAt !== null || s.signature !== null || !touchedSites.has(s.site)))
      throw new UserError('exchange.workMismatch', { file: ctx.file, site: s.site, indicator: '—' });
  }
  // Photos, both ways: per cell, the photos the work holds are those the entries added (removed or not), and the
  // ones still in place are those the entries leave in place.
  const activePhotos = new Map<string, string[]>();
  const allPhotos = new Map<string, string[]>();
  for (const p of work.photos) {
    const k = cellKey(p.site, p.indicator);
    allPhotos.set(k, [...(allPhotos.get(k) ?? []), evidenceText(p.sha256, p.name)]);
    if (p.removedAt !== null) continue;
    activePhotos.set(k, [...(activePhotos.get(k) ?? []), evidenceText(p.sha256, p.name)]);
  }
  const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean =>
    [...(a ?? [])].sort().join('\n') === [...(b ?? [])].sort().join('\n');
  for (const k of new Set([...replayed.photos.keys(), ...allPhotos.keys()])) {
    if (!sameList(activePhotos.get(k), replayed.photos.get(k)) || !sameList(allPhotos.get(k), replayed.added.get(k))) {
      const [site, indicator] = k.split('\u0000') as [string, string];
      throw new UserError('exchange.workMismatch', { file: ctx.file, site, indicator });
    }
  }
  // Every photo and thumbnail is in the package, and the package holds no photo the work does not name.
  const wanted = new Map<string, string>();
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const p of work.photos) {
    const size = listed.get(`photos/${originalFile(p.sha256, p.mime)}`)?.size;
    if (size !== undefined && size !== p.size)
      throw new UserError('exchange.workMismatch', { file: ctx.file, site: p.site, indicator: p.indicator });
    wanted.set(`photos/${originalFile(p.sha256, p.mime)}`, p.sha256);
    if (p.thumbSha256 !== null) wanted.set(`thumbs/${thumbnailFile(p.thumbSha256)}`, p.thumbSha256);
  }
  for (const [path, sha] of wanted) {
    const f = listed.get(path);
    if (!f) throw new UserError('exchange.photoMissing', { file: ctx.file, member: path });
    if (f.sha256 !== sha) throw new UserError('exchange.altered', { file: ctx.file, member: path });
  }
  const signatures = new Set(work.sheets.map((s) => s.signature).filter((s): s is string => s !== null));
  for (const f of manifest.files) {
    if (f.path === SCORES_WORK_FILE || f.path === SCORES_LEDGER_FILE || wanted.has(f.path) || signatures.has(f.path)) continue;
    throw new UserError('exchange.photoExtra', { file: ctx.file, member: f.path });
  }

  const run = (unit: UnitOfWork | null): ImportPlan => {
    // The competition, the instrument and the juror.
    const found = findCompetition(ctx, manifest);
    if (!found) throw new UserError('exchange.unknownCompetition', { file: ctx.file, code: manifest.competition.code }, 'not-found');
    const code = found.code;
    const detail = deps.repos.setup.loadCompetition(code);
    if (
      detail.instrumentSha256 !== manifest.instrument.sha256 ||
      detail.instrument.code !== manifest.instrument.code ||
      detail.instrument.version !== manifest.instrument.version
    )
      throw new UserError(
        'exchange.instrumentMismatch',
        {
          file: ctx.file,
          found: `${manifest.instrument.code} v${manifest.instrument.version}`,
          expected: `${detail.instrument.code} v${detail.instrument.version}`,
        },
        'conflict',
      );
    const jurorInfo = detail.jurors.find((j) => j.code === juror);
    if (!jurorInfo) throw new UserError('exchange.unknownJuror', { file: ctx.file, juror, code }, 'not-found');

    // The laptop's key: one device id is one key; a juror's laptops are pinned.
    const knownKey = exchange.deviceKey(chain);
    if (knownKey !== null && knownKey !== manifest.device.publicKey)
      throw new UserError('exchange.deviceKeyChanged', { file: ctx.file, fingerprint: fp }, 'conflict');
    const pinned = exchange.jurorDevices(code, juror);
    let trust: ImportPlan['device']['trust'];
    if (pinned.length === 0) trust = 'first';
    else if (pinned.some((p) => p.device === chain && p.publicKey === manifest.device.publicKey)) trust = 'pinned';
    else if (ctx.acceptKey === fp) {
      // Trusting another laptop for a juror decides whose work counts: the secretariat's, in its session.
      ctx.deps.secretariat(code, 'laptop');
      trust = 'accepted';
    } else
      throw new UserError(
        'exchange.untrustedKey',
        { file: ctx.file, juror, fingerprint: fp, pinned: pinned.map((p) => fingerprint(p.publicKey)).join(', '), competition: code },
        'forbidden',
      );

    // Every cell the entries touch is this juror's to score here.
    const refs = new Map(listIndicators(detail.instrument).map((r) => [r.indicator.code, r]));
    const sites = new Set(detail.sites.map((s) => s.code));
    const eligibility = { aspects: jurorInfo.aspects ?? null, recusedSites: jurorInfo.recusedSites };
    for (const e of full) {
      if (!sites.has(e.site!))
        throw new UserError('exchange.notEligible', { file: ctx.file, juror, site: e.site!, indicator: e.indicator ?? '—' });
      if (e.indicator === null) {
        if (![...refs.values()].some((r) => isEligible(eligibility, r.aspect.code, e.site!)))
          throw new UserError('exchange.notEligible', { file: ctx.file, juror, site: e.site!, indicator: '—' });
        continue;
      }
      const ref = refs.get(e.indicator);
      if (!ref || !isEligible(eligibility, ref.aspect.code, e.site!))
        throw new UserError('exchange.notEligible', { file: ctx.file, juror, site: e.site!, indicator: e.indicator });
    }

    // What this database already holds of the laptop's chain must be what the package says.
    const held = deps.repos.gate.ledger.held(chain);
    const whole = exchange.holdsWhole(chain);
    for (const e of ledger.entries) {
      const h = held.get(e.seq);
      if (h !== undefined && h !== e.hash) throw new UserError('exchange.chainForked', { file: ctx.file, seq: e.seq }, 'conflict');
    }
    const newer = [...held.keys()].some((seq) => seq > manifest.entries.to);
    const fresh = ledger.entries.filter((e) => (isFullEntry(e) ? !whole.has(e.seq) : !held.has(e.seq)));
    const freshFull = fresh.filter(isFullEntry);
    // An older package than one already received brings nothing: its work is already superseded.
    const incoming = newer ? replay([]) : freshFull.length === full.length ? replayed : replay(freshFull);

    // The plan, cell by cell: what the new entries change.
    const cells: PlanCell[] = [];
    const counts = emptyCounts();
    const apply: (() => void)[] = [];
    const at = deps.clock().toISOString();
    const localCells = deps.repos.scoring.jurorCells(code, juror);
    const lastEntries = exchange.lastCellEntries(code, juror);
    const openConflicts = exchange.openConflicts(code, juror);
    const writeCell = unit ? deps.repos.scoring.cellWriter(code, juror) : null;
    const none: FacetState = { value: null, note: null, answers: null };
    const FACETS: readonly Facet[] = ['value', 'note', 'answers'];
    const writes: { site: string; indicator: string; state: Partial<FacetState>; at: string }[] = [];
    for (const [k, r] of incoming.cells) {
      const [site, indicator] = k.split('\u0000') as [string, string];
      const local = localCells.get(k) ?? none;
      const w = workCells.get(k);
      const here = lastEntries.get(k);
      // What the cell holds after the package: its changes over what is here (a facet it does not touch stays).
      const after: FacetState = {
        value: r.last.value !== undefined ? (w?.value ?? null) : local.value,
        note: r.last.note !== undefined ? (w?.note ?? null) : local.note,
        answers: r.last.answers !== undefined ? (w?.answers ? JSON.stringify(w.answers) : null) : local.answers,
      };
      const open = openConflicts.get(k) ?? null;
      // Per facet the package touches: does it change it, is the last change here from another chain (a conflict),
      // and who wrote it last on each side.
      let changes = false;
      let conflict = open !== null;
      let newest: PackageEntry | undefined;
      let localEntry: LastEntry | null = null;
      const state: Partial<FacetState> = {};
      for (const f of FACETS) {
        if (r.last[f] === undefined) continue;
        const differs = f === 'value' ? !sameValue(local.value, after.value) : local[f] !== after[f];
        const last = here?.[f] ?? null;
        if (differs) {
          changes = true;
          state[f] = after[f] as never;
          if (last !== null && last.chain !== chain) conflict = true;
        }
        const mine = r.last[f];
        if (mine && (!newest || mine.seq > newest.seq)) newest = mine;
        if (last && (!localEntry || last.id > localEntry.id)) localEntry = last;
      }
      const anyLocal = local.value !== null || local.note !== null || local.answers !== null;
      const status: CellStatus = conflict ? 'conflict' : !changes ? 'unchanged' : anyLocal ? 'changed' : 'new';
      const localShown: CellSide =
        local === none && localEntry === null
          ? NOTHING_HERE
          : {
              value: local.value,
              note: local.note,
              household: householdSummary(local.answers),
              actor: localEntry?.actor ?? null,
              device: localEntry?.device ?? null,
              at: localEntry?.at ?? null,
            };
      const incomingShown: CellSide = {
        value: after.value,
        note: after.note,
        household: householdSummary(after.answers),
        actor: newest?.actor ?? null,
        device: chain,
        at: newest?.at ?? null,
      };
      cells.push({ site, indicator, status, local: localShown, incoming: incomingShown });
      counts[status === 'conflict' ? 'conflicts' : status] += 1;
      if (status === 'unchanged') continue;
      if (status === 'conflict') {
        apply.push(() => {
          // The package's entries are stored; the value held here stays, with an entry taking the package's back.
          holdLocal(unit!, { competition: code, juror, site }, indicator, { before: after, keep: local }, r, fp, detail.instrument.version);
          exchange.putConflict({
            competition: code,
            juror,
            site,
            indicator,
            device: chain,
            local: open?.local ?? { ...localShown, answers: local.answers },
            incoming: { ...incomingShown, answers: after.answers },
            at,
          });
        });
      } else writes.push({ site, indicator, state, at: newest?.at ?? at });
    }
    apply.push(() => {
      for (const c of writes) writeCell!(c.site, c.indicator, c.state, { at: c.at, actor: juror, device: chain });
    });

    // Sheets: finalised (with the drawn signature) or reopened on the laptop.
    const sheets: ImportPlan['sheets'] = [];
    for (const [site, e] of incoming.sheets) {
      const s = workSheets.get(site)!;
      const status = e.kind === 'finalise' ? 'finalised' : 'reopened';
      sheets.push({ site, status });
      counts.sheets += 1;
      apply.push(() =>
        deps.repos.scoring.putSheetState(
          { competition: code, juror, site },
          s.finalisedAt,
          e.kind === 'finalise' && s.signature !== null ? member(ctx, s.signature) : null,
        ),
      );
    }

    // Photos: rows by uuid (added, or their removal taken over); files by SHA-256 into the evidence folder.
    const photoRows = newer
      ? []
      : work.photos.filter((p) => {
          const row = deps.repos.scoring.photoRow(p.uuid);
          return row === null || row.removedAt !== p.removedAt;
        });
    counts.photos = photoRows.filter((p) => deps.repos.scoring.photoRow(p.uuid) === null).length;
    const written: string[] = [];
    const folder = evidenceFolder(deps.database);
    apply.push(() => {
      if (photoRows.length > 0) mkdirSync(folder, { recursive: true });
      for (const p of photoRows) {
        const name = originalFile(p.sha256, p.mime);
        if (putFile(folder, name, member(ctx, `photos/${name}`), p.sha256)) written.push(name);
        if (p.thumbSha256 !== null) {
          const thumb = thumbnailFile(p.thumbSha256);
          if (putFile(folder, thumb, member(ctx, `thumbs/${thumb}`), p.thumbSha256)) written.push(thumb);
        }
        deps.repos.scoring.putPhotoRow({ competition: code, juror, site: p.site }, p);
      }
    });

    const plan: ImportPlan = {
      kind: 'scores',
      file: ctx.file,
      sha256: ctx.sha,
      competition: { uuid: manifest.competition.uuid, code, name: found.name },
      device: { id: chain, fingerprint: fp, trust },
      created: manifest.created,
      action: fresh.length === 0 ? 'unchanged' : 'update',
      juror: { code: juror, name: jurorInfo.name },
      entries: { from: 1, to: manifest.entries.to, known: ledger.entries.length - fresh.length, new: fresh.length },
      counts,
      cells,
      sheets,
      applied: false,
    };
    if (unit === null || fresh.length === 0) return plan;

    try {
      exchange.registerDevice(chain, manifest.device.publicKey, at);
      if (trust === 'first' || trust === 'accepted') exchange.pinDevice(code, juror, chain, manifest.device.publicKey, at);
      if (trust === 'accepted')
        unit.append({
          competition: code,
          kind: 'exchange.trust',
          juror,
          actor: SECRETARIAT,
          payload: { v: 1, text: JSON.stringify({ device: chain, fingerprint: fp, pinned: pinned.map((p) => p.device) }) },
        });
      // The laptop's entries first, in its order, then what this database makes of them.
      for (const e of fresh) {
        if (isFullEntry(e)) unit.receive(received.get(e.seq)!);
        else unit.link(chain, e.seq, e.prevHash, e.hash);
      }
      for (const step of apply) step();
      exchange.addReceipt({
        competition: code,
        juror,
        device: chain,
        seqTo: manifest.entries.to,
        head: manifest.entries.head,
        sha256: ctx.sha,
        created: manifest.created,
        at,
      });
      unit.append({
        competition: code,
        kind: 'exchange.import',
        juror,
        actor: SECRETARIAT,
        payload: {
          v: 1,
          text: JSON.stringify({
            package: ctx.sha,
            device: chain,
            fingerprint: fp,
            entries: { from: 1, to: manifest.entries.to, head: manifest.entries.head, new: fresh.length },
            counts,
          }),
        },
      });
    } catch (error) {
      // Files this import put in the evidence folder go with the rolled-back rows.
      for (const name of written) rmSync(join(folder, name), { force: true });
      throw error;
    }
    return { ...plan, applied: true };
  };

  if (!apply) return run(null);
  return deps.repos.gate.run({ competition: manifest.competition.code, ranking: true }, (unit) => run(unit));
}

/**
 * Keeps the value held here for a cell in conflict: entries (as the secretariat) that take the package's changes
 * back (`undoes` names the package's entry), so the history says what the tables hold until the conflict is decided.
 */
function holdLocal(
  unit: UnitOfWork,
  ref: { competition: string; juror: string; site: string },
  indicator: string,
  change: { before: FacetState; keep: FacetState },
  r: Replayed['cells'] extends Map<string, infer V> ? V : never,
  fp: string,
  instrumentVersion: number,
): void {
  const reason = `Konflik: paket dari laptop ${fp} mengubah nilai ini; nilai di sini dipertahankan sampai sekretariat memutuskan.`;
  const base = { competition: ref.competition, juror: ref.juror, site: ref.site, indicator, instrumentVersion, actor: SECRETARIAT, reason };
  const { before, keep } = change;
  if (r.last.answers !== undefined && before.answers !== keep.answers) {
    unit.append({
      ...base,
      kind: 'household',
      oldValue: before.value,
      newValue: keep.value,
      oldText: before.answers,
      newText: keep.answers,
      undoes: r.last.answers!.uuid,
    });
  } else if (r.last.value !== undefined && !sameValue(before.value, keep.value)) {
    unit.append({ ...base, kind: 'score', oldValue: before.value, newValue: keep.value, undoes: r.last.value!.uuid });
  }
  if (r.last.note !== undefined && before.note !== keep.note) {
    unit.append({ ...base, kind: 'note', oldText: before.note, newText: keep.note, undoes: r.last.note!.uuid });
  }
  // The rows already hold `keep`: nothing else to write.
}

/** Decides open conflicts: keep the value held here, or take the package's; each decision in the ledger. */
export function resolveConflicts(
  deps: Deps,
  exchange: ExchangeRepository,
  competition: string,
  ids: readonly number[],
  choice: 'local' | 'incoming',
): { resolved: number } {
  return deps.repos.gate.run({ competition, ranking: true }, (unit) => {
    const open = new Map(exchange.conflicts(competition, false).map((c) => [c.id, c]));
    let resolved = 0;
    const at = deps.clock().toISOString();
    const version = deps.repos.setup.loadCompetition(competition).instrument.version;
    for (const id of ids) {
      const c = open.get(id);
      if (!c) throw new UserError('exchange.conflictNotOpen', { id }, 'not-found');
      const ref = { competition, juror: c.juror, site: c.site };
      if (choice === 'incoming') {
        const now = deps.repos.scoring.cellState(ref, c.indicator);
        const base = { competition, juror: c.juror, site: c.site, indicator: c.indicator, instrumentVersion: version, actor: SECRETARIAT };
        const reason = `Konflik diputuskan: memakai nilai dari laptop juri.`;
        const target = { value: c.incoming.value, note: c.incoming.note, answers: c.incomingAnswers };
        const state: Partial<FacetState> = {};
        if (target.answers !== now.answers) {
          unit.append({
            ...base,
            kind: 'household',
            oldValue: now.value,
            newValue: target.value,
            oldText: now.answers,
            newText: target.answers,
            reason,
          });
          state.answers = target.answers;
          state.value = target.value;
        } else if (!sameValue(target.value, now.value)) {
          unit.append({ ...base, kind: 'score', oldValue: now.value, newValue: target.value, reason });
          state.value = target.value;
        }
        if (target.note !== now.note) {
          unit.append({ ...base, kind: 'note', oldText: now.note, newText: target.note, reason });
          state.note = target.note;
        }
        deps.repos.scoring.putCellState(ref, c.indicator, state, { at, actor: SECRETARIAT, device: deps.identity.id });
      }
      exchange.resolveConflict(id, choice, at);
      unit.append({
        competition,
        kind: 'exchange.resolve',
        juror: c.juror,
        site: c.site,
        indicator: c.indicator,
        actor: SECRETARIAT,
        payload: { v: 1, text: JSON.stringify({ conflict: id, choice, local: c.local, incoming: c.incoming }) },
      });
      resolved += 1;
    }
    return { resolved };
  });
}
