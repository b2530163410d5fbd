/**
 * Rekapitulasi Nilai: the ranking with aspect points, totals and labels, the method, and the jury's
 * signature blocks. A pure component of `RekapModel`.
 */
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { base, Letterhead, PageFooter, SigningSpace } from './components.js';
import type { RekapModel } from './rekap-model.js';
import type { PageStamp } from './stamp.js';

const s = StyleSheet.create({
  title: { fontSize: 12, lineHeight: 1.3, fontWeight: 'bold', textAlign: 'center' },
  subtitle: { fontSize: 10, lineHeight: 1.3, textAlign: 'center', marginBottom: 8 },
  status: { fontSize: 8.5, lineHeight: 1.3, textAlign: 'center', marginBottom: 8 },
  provisional: { color: '#9a3412', fontWeight: 'bold' },
  table: { borderTopWidth: 0.8, borderLeftWidth: 0.8, borderColor: '#333' },
  row: { flexDirection: 'row' },
  head: { backgroundColor: '#e8eef5' },
  cell: {
    borderRightWidth: 0.8,
    borderBottomWidth: 0.8,
    borderColor: '#333',
    paddingVertical: 3,
    paddingHorizontal: 3,
    fontSize: 8,
    lineHeight: 1.25,
  },
  headCell: { fontWeight: 'bold', textAlign: 'center', fontSize: 7.5, lineHeight: 1.2 },
  num: { textAlign: 'right' },
  center: { textAlign: 'center' },
  bold: { fontWeight: 'bold' },
  group: { fontSize: 9, lineHeight: 1.3, fontWeight: 'bold', marginTop: 6, marginBottom: 3 },
  legend: { marginTop: 8, fontSize: 7.5, lineHeight: 1.35 },
  legendTitle: { fontSize: 8, lineHeight: 1.3, fontWeight: 'bold', marginBottom: 2 },
  legendGrid: { flexDirection: 'row', flexWrap: 'wrap' },
  legendItem: { width: '50%', fontSize: 7.5, lineHeight: 1.35 },
  method: { fontSize: 7.5, lineHeight: 1.35 },
  sign: { marginTop: 14 },
  signHead: { fontSize: 9, lineHeight: 1.3, textAlign: 'right', marginBottom: 6 },
  signGrid: { flexDirection: 'row', flexWrap: 'wrap' },
  signBox: { width: '33.3%', paddingRight: 12, marginBottom: 10 },
  signRole: { fontSize: 8, lineHeight: 1.3 },
  signSpace: { height: 44, borderBottomWidth: 0.5, borderBottomColor: '#777', marginBottom: 2 },
  signName: { fontSize: 8.5, lineHeight: 1.3, fontWeight: 'bold' },
  signNip: { fontSize: 7.5, lineHeight: 1.3 },
});

const W = { rank: 46, code: 30, name: 84, regency: 100, total: 44, label: 58, decided: 112 };

function HeaderRow({ model }: { model: RekapModel }) {
  return (
    <View style={[s.row, s.head]} fixed>
      <Text style={[s.cell, s.headCell, { width: W.rank }]}>Peringkat</Text>
      <Text style={[s.cell, s.headCell, { width: W.code }]}>Kode</Text>
      <Text style={[s.cell, s.headCell, { width: W.name }]}>Desa/Kelurahan</Text>
      <Text style={[s.cell, s.headCell, { width: W.regency }]}>Kabupaten/Kota</Text>
      {model.aspects.map((a) => (
        <Text key={a.code} style={[s.cell, s.headCell, { flexGrow: 1, flexBasis: 0 }]}>
          {`${a.code}\n(${a.max})`}
        </Text>
      ))}
      <Text style={[s.cell, s.headCell, { width: W.total }]}>Total</Text>
      <Text style={[s.cell, s.headCell, { width: W.label }]}>Predikat</Text>
      <Text style={[s.cell, s.headCell, { width: W.decided }]}>Penentu</Text>
    </View>
  );
}

function Rows({ rows }: { rows: RekapModel['rows'] }) {
  return rows.map((r) => (
    <View key={r.code} style={s.row} wrap={false}>
      <Text style={[s.cell, s.center, { width: W.rank }]}>{r.tied ? `${r.rank}=` : r.rank}</Text>
      <Text style={[s.cell, s.center, { width: W.code }]}>{r.code}</Text>
      <Text style={[s.cell, { width: W.name }]}>{r.name}</Text>
      <Text style={[s.cell, { width: W.regency }]}>{r.regency}</Text>
      {r.aspects.map((v, i) => (
        <Text key={i} style={[s.cell, s.num, { flexGrow: 1, flexBasis: 0 }]}>
          {v}
        </Text>
      ))}
      <Text style={[s.cell, s.num, s.bold, { width: W.total }]}>{r.total}</Text>
      <Text style={[s.cell, r.label ? s.bold : {}, { width: W.label }]}>{r.label}</Text>
      <Text style={[s.cell, { width: W.decided }]}>{r.decidedBy}</Text>
    </View>
  ));
}

export function RekapPages({ model, stamp, bookmark }: { model: RekapModel; stamp: PageStamp; bookmark: string }) {
  const groups = model.groupedByCategory
    ? [...new Set(model.rows.map((r) => r.category))].map((c) => ({ category: c, rows: model.rows.filter((r) => r.category === c) }))
    : [{ category: null, rows: model.rows }];
  return (
    <Page size="A4" orientation="landscape" style={base.page} bookmark={{ title: bookmark, fit: true }}>
      <Letterhead {...model.letterhead} />
      <Text style={s.title}>{model.title}</Text>
      <Text style={s.subtitle}>{model.subtitle}</Text>
      <Text style={[s.status, model.status.provisional ? s.provisional : {}]}>{model.status.text}</Text>
      {groups.map((g) => (
        <View key={g.category ?? '-'}>
          {model.groupedByCategory ? <Text style={s.group}>{`Kategori: ${g.category ?? '(tanpa kategori)'}`}</Text> : null}
          <View style={s.table}>
            <HeaderRow model={model} />
            <Rows rows={g.rows} />
          </View>
        </View>
      ))}
      <View style={s.legend} wrap={false}>
        <Text style={s.legendTitle}>Aspek penilaian (nilai maksimum dalam kurung)</Text>
        <View style={s.legendGrid}>
          {model.aspects.map((a) => (
            <Text key={a.code} style={s.legendItem}>{`${a.code}  ${a.name} (${a.max})`}</Text>
          ))}
        </View>
      </View>
      <View style={s.legend} wrap={false}>
        <Text style={s.legendTitle}>Metode penilaian</Text>
        {model.method.map((line, i) => (
          <Text key={i} style={s.method}>{`${i + 1}. ${line}`}</Text>
        ))}
        <Text style={s.method}>{'Tanda "=" pada peringkat: lokus berbagi peringkat (seri).'}</Text>
      </View>
      <View style={s.sign} wrap={false}>
        <Text style={s.signHead}>{model.signature.placeDate}</Text>
        <Text style={[s.signRole, s.bold, { marginBottom: 6 }]}>TIM PENILAI</Text>
        <View style={s.signGrid}>
          {model.signature.jurors.map((j, i) => (
            <View key={i} style={s.signBox}>
              <Text style={s.signRole}>{`${i + 1}. ${j.role}`}</Text>
              <View style={s.signSpace}>
                <SigningSpace juror={j.code} />
              </View>
              <Text style={s.signName}>{j.name}</Text>
              <Text style={s.signNip}>{j.nip ? `NIP ${j.nip}` : ' '}</Text>
            </View>
          ))}
        </View>
      </View>
      <PageFooter left={`Penilai · Rekapitulasi Nilai ${model.competitionCode} · dicetak ${model.printedAt}`} stamp={stamp} />
    </Page>
  );
}
