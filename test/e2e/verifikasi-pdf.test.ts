/**
 * Verifikasi dokumen with PDF files, in Chromium at 1366×768 over the HTTP bridge. Every file is made through the
 * real channels (`documents.render`, `signatures.newKey`, `signatures.sign`): an unsigned recap (said plainly, not
 * as an error), the recap signed by two jurors with keys made in the app (both valid, the first covering the document
 * up to the second's signature, self-made certificates said so), the same file with one byte changed inside the
 * signed part (NOT valid, naming the signer), a recap signed with a certificate issued by a CA (untrusted until the
 * secretariat adds the CA under Sertifikat tepercaya, trusted after, untrusted again once removed), and the signed
 * recap after a score changed (the data no longer matches). axe-core on every state; screenshots in test-results/e2e/.
 *
 * Needs the signatures handlers of issue 11 (the signing helper's branch): before they land, `signatures.*` answer
 * "not available yet" and this file fails.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app.js';
import type { CompetitionDetail } from '../../shared/contract/schemas.js';
import { openTestCore, tempDir } from '../support/core.js';
import { expectAccessible, openApp, shot, type App } from '../support/e2e.js';
import { call, PNG, asSecretariat } from '../support/jury.js';

const temp = tempDir('penilai-e2e-verifikasi-pdf-');
let core: Core;
let app: App;
let page: Page;
let detail: CompetitionDetail;
const files = { unsigned: '', signed: '', altered: '', issued: '', ca: '' };

/** A CA (RSA 2048, self-signed) and a leaf it issues to `name`, as a PKCS#12 holding the leaf's key and both certificates. */
function issuedP12(name: string, nip: string | undefined, passphrase: string): { p12: Uint8Array; caPem: string } {
  const rsa = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()) as forge.pki.rsa.PrivateKey;
    return { key, pub: forge.pki.setRsaPublicKey(key.n, key.e) };
  };
  const validity = (cert: forge.pki.Certificate) => {
    cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
    cert.validity.notAfter = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000);
  };
  const ca = rsa();
  const caCert = forge.pki.createCertificate();
  caCert.publicKey = ca.pub;
  caCert.serialNumber = '01';
  validity(caCert);
  const caName = [
    { name: 'commonName', value: 'Uji Root CA Penilai' },
    { name: 'organizationName', value: 'Balai Uji Sertifikasi' },
    { name: 'countryName', value: 'ID' },
  ];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.key, forge.md.sha256.create());

  const leaf = rsa();
  const leafCert = forge.pki.createCertificate();
  leafCert.publicKey = leaf.pub;
  leafCert.serialNumber = '02';
  validity(leafCert);
  leafCert.setSubject([
    { name: 'commonName', value: name },
    ...(nip ? [{ name: 'serialNumber', value: nip }] : []),
    { name: 'countryName', value: 'ID' },
  ]);
  leafCert.setIssuer(caName);
  leafCert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  leafCert.sign(ca.key, forge.md.sha256.create());

  const asn1 = forge.pkcs12.toPkcs12Asn1(leaf.key, [leafCert, caCert], passphrase, { algorithm: '3des' });
  return { p12: new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')), caPem: forge.pki.certificateToPem(caCert) };
}

function save(name: string, bytes: Uint8Array): string {
  const file = join(temp.dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function selfMadeKey(juror: { name: string; nip?: string | null | undefined }, passphrase: string): Promise<Uint8Array> {
  const made = await call(core, 'signatures.newKey', { name: juror.name, ...(juror.nip ? { nip: juror.nip } : {}), passphrase });
  return made.bytes;
}

beforeAll(async () => {
  core = openTestCore(join(temp.dir, 'verifikasi-pdf.sqlite'), undefined, { pdfWorker: true });
  await call(core, 'setup.createDemo', {});
  detail = await call(core, 'setup.get', { code: 'DEMO' });
  const [first, second, third] = detail.jurors;

  const rekap = await call(core, 'documents.render', { competition: 'DEMO', doc: 'rekap' });
  files.unsigned = save('Rekapitulasi-DEMO.pdf', rekap.bytes);

  const pass1 = 'rahasia-ketua-2026';
  const pass2 = 'rahasia-anggota-2026';
  const once = await call(core, 'signatures.sign', {
    file: { name: rekap.name, bytes: rekap.bytes },
    p12: { name: 'ketua.p12', bytes: await selfMadeKey(first!, pass1) },
    passphrase: pass1,
  });
  const twice = await call(core, 'signatures.sign', {
    file: { name: once.name, bytes: once.bytes },
    p12: { name: 'anggota.p12', bytes: await selfMadeKey(second!, pass2) },
    passphrase: pass2,
  });
  files.signed = save('Rekapitulasi-DEMO-ttd.pdf', twice.bytes);

  // One byte changed inside the first signed range: in the first compressed stream after the header.
  const altered = twice.bytes.slice();
  const text = Buffer.from(altered).toString('latin1');
  const at = text.indexOf('stream', 200) + 20;
  altered[at] = altered[at]! ^ 0xff;
  files.altered = save('Rekapitulasi-DEMO-diubah.pdf', altered);

  const pass3 = 'rahasia-bsre-2026';
  const issued = issuedP12(third!.name, third!.nip ?? undefined, pass3);
  files.ca = save('uji-root-ca.pem', new TextEncoder().encode(issued.caPem));
  const byIssued = await call(core, 'signatures.sign', {
    file: { name: rekap.name, bytes: rekap.bytes },
    p12: { name: 'anggota-bsre.p12', bytes: issued.p12 },
    passphrase: pass3,
  });
  files.issued = save('Rekapitulasi-DEMO-ttd-bsre.pdf', byIssued.bytes);

  app = await openApp(core, { acceptDownloads: true });
  page = app.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'Verifikasi', exact: true }).click();
  await page.getByRole('heading', { name: 'Verifikasi dokumen', level: 1 }).waitFor();
});

afterAll(async () => {
  expect(app?.outsideRequests ?? []).toEqual([]);
  await app?.close();
  core?.close();
  temp.cleanup();
});

const verdict = () => page.locator('.verif-result .verif-verdict');

async function pick(file: string): Promise<void> {
  await page.getByLabel('Pilih berkas PDF').setInputFiles(file);
  await page.locator('.verif-result[data-verdict^="verif.pdf."]').waitFor();
  await page.getByText(`Berkas: ${file.split('/').at(-1)!}`).waitFor();
}

describe('Verifikasi dokumen with PDF files', () => {
  it('says an unsigned recap is unsigned, not as an error, and that its data matches', async () => {
    await pick(files.unsigned);
    expect(await verdict().textContent()).toBe('!Dokumen ini belum ditandatangani secara digital');
    await page.getByText('Ini bukan kesalahan: berkas PDF belum diberi tanda tangan digital.', { exact: false }).waitFor();
    expect(await page.locator('.verif-signature').count()).toBe(0);
    expect(await page.locator('[data-match]').getAttribute('data-match')).toBe('yes');
    expect(await page.locator('.verif-match dd').first().textContent()).toBe(
      `Rekapitulasi Nilai lomba ${detail.info.name} (DEMO), revisi 0`,
    );
    await shot(page, 'verifikasi-pdf-01-tanpa-ttd');
    await expectAccessible(page, 'verifikasi-pdf-unsigned');
  });

  it('shows the two jurors’ signatures: both valid, the first before the second, self-made certificates said so', async () => {
    await pick(files.signed);
    expect(await verdict().textContent()).toBe('✓Dokumen sah dan cocok dengan data, tetapi tidak semua sertifikat dari penerbit tepercaya');
    const cards = page.locator('.verif-signature');
    expect(await cards.count()).toBe(2);
    const [first, second] = detail.jurors;
    expect(await cards.nth(0).locator('h4').textContent()).toBe(`Tanda tangan 1 dari 2: ${first!.name}`);
    expect(await cards.nth(1).locator('h4').textContent()).toBe(`Tanda tangan 2 dari 2: ${second!.name}`);
    for (const i of [0, 1]) {
      const card = cards.nth(i);
      expect(await card.getAttribute('data-valid')).toBe('true');
      await card.getByText('Sah: isi yang ditandatangani tidak berubah').waitFor();
      await card.getByText('Sertifikat buatan sendiri — tidak dijamin penerbit tepercaya').waitFor();
      expect(await card.locator('dd').nth(3).textContent()).toMatch(
        /^\d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} \(waktu menurut komputer penanda tangan\)$/u,
      );
    }
    await cards.nth(0).getByText('Tanda tangan sebelum perubahan berikutnya', { exact: false }).waitFor();
    await cards.nth(1).getByText('Mencakup seluruh dokumen').waitFor();
    expect(await cards.nth(0).locator('dd').first().textContent()).toBe(`${first!.name} (juri ${first!.code})`);
    expect(await page.locator('[data-match]').getAttribute('data-match')).toBe('yes');
    await shot(page, 'verifikasi-pdf-02-dua-ttd');
    await expectAccessible(page, 'verifikasi-pdf-signed');
  });

  it('says a file changed inside the signed part is NOT valid, naming the signature', async () => {
    await pick(files.altered);
    const said = await verdict().textContent();
    expect(said).toMatch(
      new RegExp(`^✗Dokumen TIDAK sah: tanda tangan ${detail.jurors[0]!.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} tidak berlaku — .+`),
    );
    expect(await page.locator('.verif-result').getAttribute('class')).toContain('verif-bad');
    expect(await page.locator('.verif-signature').first().getAttribute('data-valid')).toBe('false');
    expect(await page.locator('.verif-signature').first().locator('dd').nth(4).textContent()).toMatch(/^✗ Tidak sah: .+/);
    await shot(page, 'verifikasi-pdf-03-diubah');
    await expectAccessible(page, 'verifikasi-pdf-altered');
  });

  it('trusts a certificate issued by a CA once the secretariat adds the CA, and no longer once removed (the PDF shown is checked again)', async () => {
    await pick(files.issued);
    const card = page.locator('.verif-signature').first();
    await card.getByText('Penerbitnya tidak ada di daftar sertifikat tepercaya laptop ini').waitFor();
    expect(await card.locator('dd').nth(2).textContent()).toContain('Uji Root CA Penilai');

    await page.getByLabel('Tambah sertifikat (.cer, .crt, .pem)').setInputFiles(files.ca);
    await page.getByText('Sertifikat ditambahkan ke daftar tepercaya.').waitFor();
    // The PDF on screen is checked again with the new list: its issuer is trusted now.
    await page.locator('.verif-signature').first().getByText('Diterbitkan penerbit tepercaya', { exact: false }).waitFor();
    expect(await verdict().textContent()).toBe('✓Dokumen sah dan cocok dengan data');
    const rows = page.locator('table.verif-trusted tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toContain('Uji Root CA Penilai');
    await shot(page, 'verifikasi-pdf-04-tepercaya');
    await expectAccessible(page, 'verifikasi-pdf-trusted-list');

    await pick(files.issued);
    expect(await verdict().textContent()).toBe('✓Dokumen sah dan cocok dengan data');

    await page.getByRole('button', { name: /^Hapus sertifikat .*Uji Root CA Penilai.* dari daftar tepercaya$/ }).click();
    await page.getByText('Sertifikat dihapus dari daftar tepercaya.').waitFor();
    await page.getByText('Belum ada sertifikat tepercaya di laptop ini.').waitFor();
    await page.locator('.verif-signature').first().getByText('Penerbitnya tidak ada di daftar sertifikat tepercaya laptop ini').waitFor();
  });

  it('says the signed recap no longer matches the data once a score changed, and why', async () => {
    const at = { competition: 'DEMO', juror: 'J1', site: 'S01' };
    const sheet = await call(core, 'scoring.sheet', at);
    const score = sheet.scores[0]!;
    await asSecretariat(core, 'DEMO'); // reopening J1's sheet is the secretariat's
    await call(core, 'scoring.reopen', { ...at, reason: 'Salah ketik nilai' });
    await call(core, 'scoring.setScore', {
      ...at,
      indicator: score.indicator,
      value: score.value === 1 ? 2 : 1,
      reason: 'Salah ketik nilai',
    });
    await call(core, 'scoring.finalise', { ...at, signature: PNG });

    await pick(files.signed);
    expect(await verdict().textContent()).toBe('✗Tanda tangan sah, tetapi data dokumen TIDAK cocok dengan data di laptop ini');
    const mismatch = page.locator('[data-match="no"]');
    await mismatch.getByText('Tidak cocok dengan data di laptop ini').waitFor();
    expect((await mismatch.locator('p').nth(1).textContent())?.length).toBeGreaterThan(10);
    await shot(page, 'verifikasi-pdf-05-data-berubah');
    await expectAccessible(page, 'verifikasi-pdf-mismatch');
  });

  it('reads in English', async () => {
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Verify a document', level: 1 }).waitFor();
    expect(await verdict().textContent()).toBe('✗The signatures are valid, but the document’s data does NOT match the data on this laptop');
    await page.locator('.verif-signature').first().getByText('Signature before the next change', { exact: false }).waitFor();
    await shot(page, 'verifikasi-pdf-06-english');
    await expectAccessible(page, 'verifikasi-pdf-english');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  });
});
