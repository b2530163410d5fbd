/**
 * The command line of contract.md section 1: `npm run --silent cli -- <command> [options]`.
 * Every user error ends in one line on stderr (Indonesian, or English with --lang en) and a non-zero exit,
 * and leaves the database and the output folder exactly as they were.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CompetitionFile } from '../../shared/domain/competition.js';
import { formatNumber } from '../../shared/domain/numbers.js';
import { explainPlaces, explainTieBreak, explanationText, type ExplainNames } from '../../shared/domain/explain.js';
import { UserError } from '../../shared/domain/errors.js';
import { DOCUMENT_KINDS, type DocumentChoice } from '../../shared/domain/doc-stamp.js';
import { issueSentence, ValidationError } from '../../shared/domain/validation.js';
import { t, type Lang, type MessageKey, type Params } from '../../shared/i18n/messages.js';
import type { Ranking } from '../../shared/domain/ranking.js';
import { value, withCore } from './core.js';
import { removeDatabaseFiles, requireOutDir, writeAtomically, type Io } from './files.js';

export type { Io } from './files.js';
import { JsonSyntaxError, parseCompetitionText, resolveCompetition } from '../core/setup/services.js';
import { commandAnalysis } from './analysis.js';
import { commandBackup, commandRestore } from './backup.js';
import { commandImportScores } from './import-scores.js';
import { commandPackage } from './package.js';
import { commandPleno } from './pleno.js';
import { commandExportXlsx } from './export-xlsx.js';
import { commandVerifyDb } from '../core/audit/verify.js';
import { readAnchorFiles } from './anchors.js';
import { commandKeys, commandSign, commandVerifyPdf, signRendered } from './signatures.js';

const USAGE = `Penilai — baris perintah

  demo   --db FILE [--sites N] [--jurors N] [--seed N]     buat lomba demo DEMO
  init   --db FILE --competition BERKAS.json              buat lomba dari berkas lomba (penilai.competition/1)
  export --db FILE [--competition KODE] --out BERKAS.json  tulis lomba sebagai berkas lomba
  import-scores --db FILE --file NILAI.csv [--competition KODE]   impor nilai dari CSV (semua atau tidak sama sekali)
  rank   --db FILE [--competition KODE] [--json]          tampilkan peringkat
  report --db FILE --out FILE.pdf [--doc rekap|berita-acara|lembar|formulir|catatan|all] [--juror KODE] [--site KODE]
         [--p12 KUNCI.p12 --passphrase-file BERKAS]   tulis dokumen PDF (dengan --p12: ditandatangani)
  sign   --pdf FILE --out FILE --p12 KUNCI.p12 --passphrase-file BERKAS [--db FILE] [--juror KODE]
                                                        tambahkan satu tanda tangan digital (pembaruan inkremental)
  keys new --out KUNCI.p12 --name NAMA [--nip NIP] --passphrase-file BERKAS   buat kunci swa-tanda untuk juri
  keys trust --cert SERTIFIKAT.pem                      percayai sertifikat (mis. CA BSrE) di instalasi ini
  verify --pdf FILE [--db FILE] [--json]                periksa tanda tangan digital PDF dan (dengan --db) hash datanya
  agreement   --db FILE [--competition KODE] [--json]    kesepakatan antarjuri: W Kendall per aspek, kemurahan juri, nilai menyimpang
  sensitivity --db FILE [--competition KODE] [--json]    peringkat tanpa tiap juri dan gelar yang berubah
  export-xlsx --db FILE [--competition KODE] --out FILE.xlsx   peringkat dan semua nilai sebagai buku kerja Excel
  verify --db FILE [--anchor FILE]… [--json]            periksa basis data: integritas, rantai riwayat tiap perangkat, foto, jangkar
  package setup  --db FILE [--competition KODE] --out BERKAS.penilai   paket persiapan untuk laptop juri
  package export --db FILE [--competition KODE] --juror KODE --out BERKAS.penilai   pekerjaan satu juri di laptop ini
  package import --db FILE --file BERKAS.penilai [--dry-run] [--accept-key "SIDIK JARI"] [--json]
                                                        periksa paket, tampilkan rencananya, lalu terapkan (kecuali --dry-run)
  package inspect --file BERKAS.penilai [--json]        periksa paket antarlaptop dan tampilkan isinya
  pleno status|open|lock --db FILE [--competition KODE] [--json]   rapat pleno: keadaan, buka, kunci hasil
  pleno decide --db FILE --sites KODE,KODE --order KODE,KODE --reason-file BERKAS   urutan lokus yang seri, dengan alasan
  pleno reopen --db FILE --reason-file BERKAS           buka kembali hasil yang terkunci (revisi berikutnya)
  backup  --db FILE [--out FOLDER]                      cadangkan basis data dan foto buktinya sebagai satu kesatuan
  restore --db FILE --from CADANGAN                     pulihkan cadangan (keadaan sekarang dicadangkan dahulu)

Opsi umum: --lang id|en (bahasa pesan; bawaan id)
           --home FOLDER (instalasi yang menulis: identitas perangkat dan kuncinya; bawaan PENILAI_HOME atau folder data aplikasi)`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  sites: { type: 'string' },
  jurors: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  doc: { type: 'string' },
  file: { type: 'string' },
  competition: { type: 'string' },
  lang: { type: 'string' },
  home: { type: 'string' },
  juror: { type: 'string' },
  site: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'accept-key': { type: 'string' },
  order: { type: 'string' },
  'reason-file': { type: 'string' },
  pdf: { type: 'string' },
  anchor: { type: 'string', multiple: true },
  p12: { type: 'string' },
  'passphrase-file': { type: 'string' },
  name: { type: 'string' },
  nip: { type: 'string' },
  cert: { type: 'string' },
  from: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function requireOption(values: Values, option: 'db' | 'out' | 'competition', command: string): string {
  const value = values[option];
  if (!value) throw new UserError('cli.missingOption', { option: `--${option}`, command });
  return value;
}

function intOption(values: Values, option: 'sites' | 'jurors' | 'seed', fallback: number, min: number, max: number): number {
  const raw = values[option];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new UserError('cli.badOption', { option: `--${option}`, value: raw, expected: `${min}–${max}` });
  }
  return n;
}

/** A problem in a file the user gave, told in one line that names the file, then the JSON path or line, then what. */
class FileProblem extends UserError {
  constructor(
    private readonly file: string,
    private readonly where: { path: string } | { line: number; column: number },
    key: MessageKey,
    params: Params,
  ) {
    super(key, params, 'invalid', 'path' in where ? where.path : undefined);
  }

  override describe(lang: Lang): string {
    // The file's message names the JSON path (for whoever edits the file) and then says the problem in words.
    const problem =
      'path' in this.where
        ? issueSentence({ path: this.where.path, key: this.key, params: this.params }, lang)
        : t(lang, this.key, this.params);
    return 'path' in this.where
      ? t(lang, 'setup.fileIssue', { file: this.file, path: this.where.path, problem })
      : t(lang, 'setup.fileJson', { file: this.file, line: this.where.line, column: this.where.column, problem });
  }
}

/** Reads and fully checks a competition file before any database is touched. */
function readCompetitionFile(source: string): CompetitionFile {
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('setup.fileMissing', { file: source }, 'not-found');
    throw new UserError('file.unreadable', { file: source, detail: (error as Error).message });
  }
  try {
    return parseCompetitionText(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new FileProblem(source, { line: error.line, column: error.column }, error.key, error.params);
    }
    if (error instanceof ValidationError) {
      const first = error.issues[0]!;
      throw new FileProblem(source, { path: first.path }, first.key, first.params);
    }
    throw error;
  }
}

async function commandInit(values: Values, io: Io, lang: Lang): Promise<void> {
  const file = resolve(requireOption(values, 'db', 'init'));
  const source = resolve(requireOption(values, 'competition', 'init'));
  // The whole file is checked before the database is opened: a bad file leaves no database behind.
  const competition = readCompetitionFile(source);
  const existed = existsSync(file);
  try {
    const bytes = new TextEncoder().encode(JSON.stringify(competition));
    await withCore(file, { mustExist: false, home: values.home }, (core) => value(core.call('setup.import', { name: source, bytes })));
  } catch (error) {
    if (!existed) removeDatabaseFiles(file);
    // What only the database can tell (the code is taken, the instrument version differs) is still about the file.
    if (error instanceof UserError && error.path !== undefined)
      throw new FileProblem(source, { path: error.path }, error.key, error.params);
    throw error;
  }
  const { code } = competition.competition;
  io.err(t(lang, 'setup.initDone', { code, file, sites: competition.sites.length, jurors: competition.jurors.length }));
}

async function commandExport(values: Values, io: Io, lang: Lang): Promise<void> {
  const file = resolve(requireOption(values, 'db', 'export'));
  const out = resolve(requireOption(values, 'out', 'export'));
  requireOutDir(out);
  const { code, bytes } = await withCore(file, { mustExist: true, home: values.home }, async (core) => {
    const code = resolveCompetition(core.deps.repos, values.competition, file);
    return { code, bytes: (await value(core.call('setup.export', { code }))).bytes };
  });
  writeAtomically(out, bytes);
  io.err(t(lang, 'setup.exported', { code, file: out }));
}

async function commandDemo(values: Values, io: Io, lang: Lang): Promise<void> {
  const file = resolve(requireOption(values, 'db', 'demo'));
  const sites = intOption(values, 'sites', 12, 1, 200);
  const jurors = intOption(values, 'jurors', 5, 1, 50);
  const seed = intOption(values, 'seed', 1, 0, 2 ** 31);
  const existed = existsSync(file);
  try {
    const scores = await withCore(file, { mustExist: false, home: values.home }, async (core) => {
      const made = await value(core.call('setup.createDemo', { sites, jurors, seed }));
      return (await value(core.call('setup.usage', { code: made.code }))).scores;
    });
    io.err(t(lang, 'cli.demoCreated', { file, sites, jurors, scores }));
  } catch (error) {
    if (!existed) removeDatabaseFiles(file);
    throw error;
  }
}

function rankingText(ranking: Ranking, names: ExplainNames, locale: Lang): string {
  const p = ranking.precision;
  const explained = explainPlaces(ranking, names);
  const lines = ranking.ranking.map((r, i) => {
    const rank = `${r.rank}${r.tied ? '=' : ''}`.padStart(4);
    const total = formatNumber(r.total, p, locale).padStart(8);
    const mark = r.complete ? '' : locale === 'id' ? ' (belum lengkap)' : ' (incomplete)';
    const why = explained[i];
    const decided = why ? `  [${explanationText(locale, why)}]` : '';
    return `${rank}  ${r.site.padEnd(6)} ${r.name.padEnd(28)} ${total}  ${r.label ?? ''}${mark}${decided}`.trimEnd();
  });
  const head = locale === 'id' ? 'Peringkat lomba' : 'Ranking of';
  return [`${head} ${ranking.competition}`, ...lines, explanationText(locale, explainTieBreak(ranking.tieBreak, names))].join('\n');
}

async function commandRank(values: Values, io: Io, lang: Lang): Promise<void> {
  const file = resolve(requireOption(values, 'db', 'rank'));
  const { ranking, instrument } = await withCore(file, { mustExist: true, home: values.home }, async (core) => {
    const competition = resolveCompetition(core.deps.repos, values.competition, file);
    const ranking = await value(core.call('compile.ranking', { competition }));
    const { instrument } = await value(core.call('setup.get', { code: competition }));
    return { ranking, instrument };
  });
  io.out(values.json ? JSON.stringify(ranking, null, 2) : rankingText(ranking, instrument, lang));
}

async function commandReport(values: Values, io: Io, lang: Lang, env: Record<string, string | undefined>): Promise<void> {
  const file = resolve(requireOption(values, 'db', 'report'));
  const out = resolve(requireOption(values, 'out', 'report'));
  const doc = values.doc ?? 'rekap';
  const choices: readonly string[] = [...DOCUMENT_KINDS, 'all'];
  if (!choices.includes(doc)) throw new UserError('cli.badOption', { option: '--doc', value: doc, expected: choices.join(', ') });
  requireOutDir(out);
  const rendered = await withCore(file, { mustExist: true, home: values.home }, async (core) => {
    const made = await value(
      core.call('documents.render', {
        competition: resolveCompetition(core.deps.repos, values.competition, file),
        doc: doc as DocumentChoice,
        ...(values.juror ? { juror: values.juror } : {}),
        ...(values.site ? { site: values.site } : {}),
      }),
    );
    // With --p12 the freshly made document is signed before anything is written.
    return values.p12 ? signRendered(core, made, values, env) : made;
  });
  writeAtomically(out, rendered.bytes);
  io.err(t(lang, 'cli.reportWritten', { file: out, pages: rendered.pages }));
}

/**
 * The whole command line: `npm run cli` and the tests run every command through this one function. It returns the
 * exit code and never calls process.exit, so a run in-process leaves the caller's process as it was.
 */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let lang: Lang = 'id';
  const env = io.env ?? process.env;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    // Paths the user typed are read against the run's folder; `--competition` is a path only for init.
    const cwd = io.cwd ?? process.cwd();
    for (const option of ['db', 'out', 'file', 'home', 'reason-file', 'pdf', 'p12', 'passphrase-file', 'cert', 'from'] as const)
      if (values[option]) values[option] = resolve(cwd, values[option]);
    // The installation the command writes as: --home, else PENILAI_HOME, else the app data folder (./device.ts).
    if (!values.home && env.PENILAI_HOME) values.home = env.PENILAI_HOME;
    if (positionals[0] === 'init' && values.competition) values.competition = resolve(cwd, values.competition);
    if (values.lang === 'en' || values.lang === 'id') lang = values.lang;
    else if (values.lang !== undefined) throw new UserError('cli.badOption', { option: '--lang', value: values.lang, expected: 'id, en' });
    const [command, ...extra] = positionals;
    if (values.help || command === 'help' || command === undefined) {
      io.out(USAGE);
      return command === undefined && !values.help ? 2 : 0;
    }
    // `package` and `pleno` take a subcommand (`package inspect`, `pleno lock`); every other command takes none.
    const sub = command === 'package' || command === 'pleno' || command === 'keys' ? extra.shift() : undefined;
    if (extra.length > 0) throw new UserError('cli.usage', { detail: extra.join(' ') });
    switch (command) {
      case 'demo':
        await commandDemo(values, io, lang);
        return 0;
      case 'init':
        await commandInit(values, io, lang);
        return 0;
      case 'export':
        await commandExport(values, io, lang);
        return 0;
      case 'import-scores':
        await commandImportScores(values, io, lang);
        return 0;
      case 'rank':
        await commandRank(values, io, lang);
        return 0;
      case 'verify':
        if (values.pdf) return await commandVerifyPdf(values, io, lang);
        commandVerifyDb(
          requireOption(values, 'db', 'verify'),
          io.out,
          lang,
          values.json ?? false,
          await readAnchorFiles(values.anchor ?? []),
          values.home,
        );
        return 0;
      case 'agreement':
      case 'sensitivity':
        await commandAnalysis(command, values, io, lang);
        return 0;
      case 'report':
        await commandReport(values, io, lang, env);
        return 0;
      case 'package':
        await commandPackage(sub, values, io, lang);
        return 0;
      case 'pleno':
        await commandPleno(sub, values, io, lang);
        return 0;
      case 'export-xlsx':
        await commandExportXlsx(values, io, lang);
        return 0;
      case 'sign':
        await commandSign(values, io, lang, env);
        return 0;
      case 'keys':
        await commandKeys(sub, values, io, lang, env);
        return 0;
      case 'backup':
        await commandBackup(values, io, lang);
        return 0;
      case 'restore':
        await commandRestore(values, io, lang);
        return 0;
      default:
        throw new UserError('cli.usage', { detail: command });
    }
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`penilai: ${error.describe(lang)}`);
      return error.key.startsWith('cli.usage') || error.key.startsWith('cli.missing') ? 2 : 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`penilai: ${t(lang, 'cli.usage', { detail: error.message })}`);
      return 2;
    }
    io.err(`penilai: ${t(lang, 'error.internal', { detail: (error as Error).message })}`);
    if (env.PENILAI_DEBUG) io.err(String((error as Error).stack));
    return 70;
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const code = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
  });
  process.exitCode = code;
}
