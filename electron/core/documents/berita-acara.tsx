/**
 * Berita Acara Penilaian: the official minutes of the assessment, signed by the whole jury. A pure component of
 * `BeritaAcaraModel`, A4 portrait. The revision (if any), the closing sentence, place and date and the signature blocks are one
 * unbreakable block, and every page after the first carries the title and the number "(lanjutan)": no signature
 * page stands alone.
 */
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { BeritaAcaraModel } from './berita-acara-model.js';
import { base, Letterhead, PageFooter } from './components.js';
import { contentTop, JurySignatures, ProvisionalBand, RunningHead } from './jury-pieces.js';
import type { PageStamp } from './stamp.js';

const s = StyleSheet.create({
  title: { fontSize: 12, lineHeight: 1.3, fontWeight: 'bold', textAlign: 'center', textDecoration: 'underline' },
  subtitle: { fontSize: 10, lineHeight: 1.3, fontWeight: 'bold', textAlign: 'center' },
  number: { fontSize: 9.5, lineHeight: 1.3, textAlign: 'center', marginBottom: 12 },
  para: { fontSize: 9.5, lineHeight: 1.5, textAlign: 'justify', marginBottom: 6 },
  heading: { fontSize: 9.5, lineHeight: 1.4, fontWeight: 'bold', marginTop: 6, marginBottom: 3 },
  item: { flexDirection: 'row', marginBottom: 2 },
  itemNo: { width: 16, fontSize: 9.5, lineHeight: 1.45 },
  itemText: { flex: 1, fontSize: 9.5, lineHeight: 1.45, textAlign: 'justify' },
  provisional: { color: '#9a3412', fontWeight: 'bold', textAlign: 'center', fontSize: 9, lineHeight: 1.3, marginBottom: 8 },
  row: { flexDirection: 'row', borderLeftWidth: 0.8, borderColor: '#333' },
  head: { backgroundColor: '#e8eef5', borderTopWidth: 0.8 },
  cell: {
    borderRightWidth: 0.8,
    borderBottomWidth: 0.8,
    borderColor: '#333',
    paddingVertical: 3,
    paddingHorizontal: 4,
    fontSize: 8.5,
    lineHeight: 1.3,
  },
  headCell: { fontWeight: 'bold', textAlign: 'center', fontSize: 8, lineHeight: 1.25 },
  center: { textAlign: 'center' },
  num: { textAlign: 'right' },
  bold: { fontWeight: 'bold' },
  table: { marginBottom: 8 },
  group: { fontSize: 9, lineHeight: 1.3, fontWeight: 'bold', marginTop: 4, marginBottom: 3 },
  closing: { marginTop: 6 },
});

const J = { no: 24, name: 140, nip: 108, role: 72 };
const R = { label: 78, rank: 52, regency: 130, total: 56 };

function JuryTable({ model }: { model: BeritaAcaraModel }) {
  return (
    <View style={s.table}>
      <View style={[s.row, s.head]} fixed>
        <Text style={[s.cell, s.headCell, { width: J.no }]}>No</Text>
        <Text style={[s.cell, s.headCell, { width: J.name }]}>Nama</Text>
        <Text style={[s.cell, s.headCell, { width: J.nip }]}>NIP</Text>
        <Text style={[s.cell, s.headCell, { flexGrow: 1, flexBasis: 0 }]}>Jabatan/Instansi</Text>
        <Text style={[s.cell, s.headCell, { width: J.role }]}>Kedudukan dalam Tim</Text>
      </View>
      {model.jury.map((j) => (
        <View key={j.no} style={s.row} wrap={false}>
          <Text style={[s.cell, s.center, { width: J.no }]}>{j.no}</Text>
          <Text style={[s.cell, { width: J.name }]}>{j.name}</Text>
          <Text style={[s.cell, { width: J.nip }]}>{j.nip}</Text>
          <Text style={[s.cell, { flexGrow: 1, flexBasis: 0 }]}>{j.position}</Text>
          <Text style={[s.cell, { width: J.role }]}>{j.role}</Text>
        </View>
      ))}
    </View>
  );
}

function ResultTable({ rows }: { rows: BeritaAcaraModel['groups'][number]['rows'] }) {
  return (
    <View style={s.table}>
      <View style={[s.row, s.head]} fixed>
        <Text style={[s.cell, s.headCell, { width: R.label }]}>Predikat</Text>
        <Text style={[s.cell, s.headCell, { width: R.rank }]}>Peringkat</Text>
        <Text style={[s.cell, s.headCell, { flexGrow: 1, flexBasis: 0 }]}>Desa/Kelurahan</Text>
        <Text style={[s.cell, s.headCell, { width: R.regency }]}>Kabupaten/Kota</Text>
        <Text style={[s.cell, s.headCell, { width: R.total }]}>Nilai Total</Text>
      </View>
      {rows.map((r) => (
        <View key={r.site} style={s.row} wrap={false}>
          <Text style={[s.cell, s.bold, { width: R.label }]}>{r.label}</Text>
          <Text style={[s.cell, s.center, { width: R.rank }]}>{r.rank}</Text>
          <Text style={[s.cell, { flexGrow: 1, flexBasis: 0 }]}>{r.site}</Text>
          <Text style={[s.cell, { width: R.regency }]}>{r.regency}</Text>
          <Text style={[s.cell, s.num, s.bold, { width: R.total }]}>{r.total}</Text>
        </View>
      ))}
    </View>
  );
}

function Numbered({ items }: { items: string[] }) {
  return items.map((text, i) => (
    <View key={i} style={s.item} wrap={false}>
      <Text style={s.itemNo}>{`${i + 1}.`}</Text>
      <Text style={s.itemText}>{text}</Text>
    </View>
  ));
}

export function BeritaAcaraPages({ model, stamp, bookmark }: { model: BeritaAcaraModel; stamp: PageStamp; bookmark: string }) {
  const provisional = model.state.provisional;
  return (
    <Page size="A4" style={[base.page, { paddingTop: contentTop(provisional) }]} bookmark={{ title: bookmark, fit: true }}>
      <ProvisionalBand text={model.state.band} />
      <RunningHead text={model.runningHead} provisional={provisional} />
      <Letterhead {...model.letterhead} />
      <Text style={s.title}>{model.title}</Text>
      <Text style={s.subtitle}>{model.subtitle}</Text>
      <Text style={s.number}>{model.number}</Text>
      {provisional ? (
        <Text style={s.provisional}>SEMENTARA: hasil belum dikunci dalam rapat pleno; berita acara ini belum dapat ditandatangani.</Text>
      ) : null}
      <Text style={s.para}>{model.opening}</Text>
      <JuryTable model={model} />
      <Text style={s.para}>{model.assessed}</Text>
      <Numbered items={model.method} />
      <View wrap={false} minPresenceAhead={60}>
        <Text style={[s.para, { marginTop: 6 }]}>{model.resultIntro}</Text>
      </View>
      {model.groups.length === 0 ? <Text style={s.para}>Belum ada lokus yang diberi predikat: nilai belum lengkap.</Text> : null}
      {model.groups.map((g) => (
        <View key={g.category ?? '-'}>
          {g.category !== null ? <Text style={s.group}>{`Kategori: ${g.category}`}</Text> : null}
          <ResultTable rows={g.rows} />
        </View>
      ))}
      <Text style={s.heading} minPresenceAhead={30}>
        Keputusan rapat pleno
      </Text>
      {model.decisions.length ? (
        <Numbered items={model.decisions} />
      ) : (
        <Text style={s.para}>Tidak ada keputusan rapat pleno atas lokus dengan nilai total sama.</Text>
      )}
      <View style={s.closing} wrap={false}>
        {model.revision ? (
          <>
            <Text style={s.heading}>Revisi</Text>
            <Text style={s.para}>{model.revision}</Text>
          </>
        ) : null}
        <Text style={s.para}>{model.closing}</Text>
        <JurySignatures {...model.signature} columns={3} positions={false} acknowledgement="below" />
      </View>
      <PageFooter left={`Penilai · Berita Acara Penilaian ${model.competitionCode} · dicetak ${model.printedAt}`} stamp={stamp} />
    </Page>
  );
}
