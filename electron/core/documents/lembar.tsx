/**
 * Lembar Penilaian: one juror's scores at one site, grouped by aspect and phase, with the labels, notes, household
 * summaries, the sheet's state (FINAL or DRAF), its reopenings, the juror's points, and the juror's signature block
 * (the drawn signature of the finalisation beside the signing space). A pure component of `LembarModel`.
 */
import { Image, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { base, Letterhead, PageFooter, SigningSpace } from './components.js';
import type { LembarModel } from './lembar-model.js';
import type { PageStamp } from './stamp.js';

export const sheet = StyleSheet.create({
  title: { fontSize: 12, lineHeight: 1.3, fontWeight: 'bold', textAlign: 'center' },
  subtitle: { fontSize: 9.5, lineHeight: 1.3, textAlign: 'center', marginBottom: 6 },
  ident: { flexDirection: 'row', marginBottom: 6 },
  identCol: { width: '50%', paddingRight: 8 },
  identRow: { flexDirection: 'row' },
  identKey: { width: 92, fontSize: 8.5, lineHeight: 1.35, color: '#333' },
  identValue: { flexGrow: 1, flexShrink: 1, flexBasis: 0, fontSize: 8.5, lineHeight: 1.35, fontWeight: 'bold' },
  aspect: { fontSize: 9.5, lineHeight: 1.3, fontWeight: 'bold', marginTop: 8, marginBottom: 2, backgroundColor: '#e8eef5', padding: 3 },
  phase: { fontSize: 8.5, lineHeight: 1.3, fontWeight: 'bold', marginTop: 3, marginBottom: 2 },
  row: { flexDirection: 'row', borderLeftWidth: 0.6, borderColor: '#444' },
  head: { backgroundColor: '#f1f1f1', borderTopWidth: 0.6 },
  cell: { borderRightWidth: 0.6, borderBottomWidth: 0.6, borderColor: '#444', padding: 3, fontSize: 8, lineHeight: 1.3 },
  headCell: { fontWeight: 'bold', textAlign: 'center', fontSize: 7.5, lineHeight: 1.2 },
  num: { textAlign: 'right' },
  center: { textAlign: 'center' },
  small: { fontSize: 7.5, lineHeight: 1.3, color: '#333' },
  bold: { fontWeight: 'bold' },
  box: { marginTop: 8, borderWidth: 0.8, borderColor: '#333', padding: 5 },
  boxTitle: { fontSize: 8.5, lineHeight: 1.3, fontWeight: 'bold', marginBottom: 2 },
  text: { fontSize: 8.5, lineHeight: 1.35 },
  final: { fontSize: 10, lineHeight: 1.3, fontWeight: 'bold', textAlign: 'center', color: '#14532d', marginBottom: 6 },
  draft: {
    fontSize: 11,
    lineHeight: 1.3,
    fontWeight: 'bold',
    textAlign: 'center',
    color: '#9a3412',
    borderWidth: 1.2,
    borderColor: '#9a3412',
    padding: 3,
    marginBottom: 6,
  },
  sign: { marginTop: 14, flexDirection: 'row', justifyContent: 'flex-end' },
  signBlock: { width: 330 },
  signLine: { fontSize: 8.5, lineHeight: 1.35 },
  signRow: { flexDirection: 'row', marginTop: 4, marginBottom: 2 },
  drawnBox: { width: 150, height: 44, marginRight: 12, borderBottomWidth: 0.5, borderBottomColor: '#777', justifyContent: 'center' },
  drawn: { width: 150, height: 44, objectFit: 'contain' },
  spaceBox: { width: 150, height: 44, borderBottomWidth: 0.5, borderBottomColor: '#777' },
  caption: { fontSize: 6.5, lineHeight: 1.3, color: '#555', width: 150 },
  signName: { fontSize: 9, lineHeight: 1.3, fontWeight: 'bold', marginTop: 4 },
});

const W = { code: 38, weight: 34, score: 34, label: 70, note: 150 };

function Identity({ model }: { model: LembarModel }) {
  const left: [string, string][] = [
    ['Lokus', `${model.site.code} — ${model.site.name}`],
    ['Desa/Kelurahan', model.site.name],
    ['Kecamatan', model.site.district],
    ['Kabupaten/Kota', model.site.regency],
    ['Tanggal kunjungan', model.site.visitDate],
  ];
  const right: [string, string][] = [
    ['Juri', `${model.juror.code} — ${model.juror.name}`],
    ['NIP', model.juror.nip],
    ['Peran', model.juror.role],
    ['Jabatan/Instansi', model.juror.position],
  ];
  return (
    <View style={sheet.ident}>
      {[left, right].map((col, i) => (
        <View key={i} style={sheet.identCol}>
          {col.map(([k, v]) => (
            <View key={k} style={sheet.identRow}>
              <Text style={sheet.identKey}>{k}</Text>
              <Text style={sheet.identValue}>{`: ${v}`}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

function HeadRow() {
  return (
    <View style={[sheet.row, sheet.head]}>
      <Text style={[sheet.cell, sheet.headCell, { width: W.code }]}>Kode</Text>
      <Text style={[sheet.cell, sheet.headCell, { flexGrow: 1, flexBasis: 0 }]}>Indikator</Text>
      <Text style={[sheet.cell, sheet.headCell, { width: W.weight }]}>Bobot</Text>
      <Text style={[sheet.cell, sheet.headCell, { width: W.score }]}>Nilai</Text>
      <Text style={[sheet.cell, sheet.headCell, { width: W.label }]}>Keterangan</Text>
      <Text style={[sheet.cell, sheet.headCell, { width: W.note }]}>Catatan juri</Text>
    </View>
  );
}

function Row({ r }: { r: LembarModel['aspects'][number]['phases'][number]['rows'][number] }) {
  return (
    <View style={sheet.row} wrap={false}>
      <Text style={[sheet.cell, sheet.center, { width: W.code }]}>{r.code}</Text>
      <View style={[sheet.cell, { flexGrow: 1, flexBasis: 0 }]}>
        <Text>{r.name}</Text>
        {r.household ? <Text style={sheet.small}>{r.household}</Text> : null}
      </View>
      <Text style={[sheet.cell, sheet.num, { width: W.weight }]}>{r.weight}</Text>
      <Text style={[sheet.cell, sheet.num, sheet.bold, { width: W.score }]}>{r.score}</Text>
      <Text style={[sheet.cell, { width: W.label }]}>{r.label}</Text>
      <Text style={[sheet.cell, { width: W.note }]}>{r.note}</Text>
    </View>
  );
}

export function LembarPages({ model, stamp, bookmark }: { model: LembarModel; stamp: PageStamp; bookmark: string }) {
  return (
    <Page size="A4" style={base.page} bookmark={{ title: bookmark, fit: true }}>
      <Letterhead {...model.letterhead} />
      <Text style={sheet.title}>{model.title}</Text>
      <Text style={sheet.subtitle}>{model.competition}</Text>
      <Text style={model.final ? sheet.final : sheet.draft}>{model.state}</Text>
      <Identity model={model} />
      {model.aspects.map((aspect) => (
        <View key={aspect.code}>
          {aspect.phases.map((phase, p) => (
            <View key={phase.code}>
              {/* The aspect's and phase's titles, the header and the first row stay together on one page. */}
              <View wrap={false}>
                {p === 0 ? (
                  <Text style={sheet.aspect}>{`Aspek ${aspect.code} — ${aspect.name} (poin ${aspect.points} dari ${aspect.max})`}</Text>
                ) : null}
                <Text style={sheet.phase}>{`Tahap ${phase.code} — ${phase.name}`}</Text>
                <HeadRow />
                <Row r={phase.rows[0]!} />
              </View>
              {phase.rows.slice(1).map((r) => (
                <Row key={r.code} r={r} />
              ))}
            </View>
          ))}
        </View>
      ))}
      <View style={sheet.box} wrap={false}>
        <Text style={sheet.boxTitle}>{`Jumlah poin juri: ${model.total} dari ${model.maxTotal}`}</Text>
        {model.aspects.map((a) => (
          <Text key={a.code} style={sheet.text}>{`Aspek ${a.code} — ${a.name}: ${a.points} dari ${a.max}`}</Text>
        ))}
        <Text style={[sheet.small, { marginTop: 2 }]}>{model.method}</Text>
      </View>
      <View style={sheet.box} wrap={false}>
        <Text style={sheet.boxTitle}>Riwayat pembukaan kembali lembar</Text>
        {model.reopenings.length === 0 ? (
          <Text style={sheet.text}>Lembar ini tidak pernah dibuka kembali.</Text>
        ) : (
          model.reopenings.map((line, i) => <Text key={i} style={sheet.text}>{`${i + 1}. ${line}`}</Text>)
        )}
      </View>
      <View style={sheet.sign} wrap={false}>
        <View style={sheet.signBlock}>
          <Text style={sheet.signLine}>{model.signature.placeDate}</Text>
          <Text style={sheet.signLine}>{`Juri Penilai (${model.juror.role}),`}</Text>
          <View style={sheet.signRow}>
            <View>
              <View style={sheet.drawnBox}>
                {model.signature.drawn ? (
                  <Image src={model.signature.drawn} style={sheet.drawn} />
                ) : (
                  <Text style={[sheet.small, sheet.center]}>{model.final ? '(tanpa tanda tangan gambar)' : '(belum difinalkan)'}</Text>
                )}
              </View>
              <Text style={sheet.caption}>Tanda tangan saat difinalkan</Text>
            </View>
            <View>
              <View style={sheet.spaceBox}>
                <SigningSpace juror={model.juror.code} />
              </View>
              <Text style={sheet.caption}>Tanda tangan / tanda tangan elektronik</Text>
            </View>
          </View>
          <Text style={sheet.signName}>{model.juror.name}</Text>
          <Text style={sheet.signLine}>{`NIP ${model.juror.nip}`}</Text>
        </View>
      </View>
      <PageFooter
        left={`Penilai · Lembar Penilaian ${model.competitionCode} · ${model.juror.code} · ${model.site.code} · dicetak ${model.printedAt}`}
        stamp={stamp}
      />
    </Page>
  );
}
