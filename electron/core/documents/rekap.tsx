/**
 * Rekapitulasi Nilai: the ranking with aspect points, totals and labels, the method, and the jury's
 * signature blocks. A pure component of `RekapModel`.
 *
 * The signature section never stands alone on a page: the table's last rows, the legend, the method and the
 * signatures are one unbreakable block (the table's header row repeats above it when it starts a page), and every
 * page after the first carries the title, the competition and the number "(lanjutan)".
 */
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { base, Letterhead, PageFooter } from './components.js';
import { contentTop, JurySignatures, ProvisionalBand, RunningHead } from './jury-pieces.js';
import type { RekapModel } from './rekap-model.js';
import type { PageStamp } from './stamp.js';

const s = StyleSheet.create({
  title: { fontSize: 12, lineHeight: 1.3, fontWeight: 'bold', textAlign: 'center' },
  subtitle: { fontSize: 10, lineHeight: 1.3, textAlign: 'center' },
  number: { fontSize: 9, lineHeight: 1.3, textAlign: 'center' },
  status: { fontSize: 8.5, lineHeight: 1.3, textAlign: 'center', marginTop: 4, marginBottom: 8 },
  provisional: { color: '#9a3412', fontWeight: 'bold' },
  row: { flexDirection: 'row', borderLeftWidth: 0.8, borderColor: '#333' },
  head: { backgroundColor: '#e8eef5', borderTopWidth: 0.8 },
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
  notes: { flexDirection: 'row', marginTop: 8, marginBottom: 10 },
  legend: { width: '50%', paddingRight: 12 },
  legendGrid: { flexDirection: 'row', flexWrap: 'wrap' },
  methodBox: { width: '50%' },
  legendTitle: { fontSize: 8, lineHeight: 1.3, fontWeight: 'bold', marginBottom: 2 },
  legendItem: { width: '50%', fontSize: 7.5, lineHeight: 1.35, paddingRight: 4 },
  method: { fontSize: 7.5, lineHeight: 1.35 },
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
        // Two Texts, not one with "\n": react-pdf sets an unembedded Helvetica-Bold for the empty run a newline makes.
        <View key={a.code} style={[s.cell, { flexGrow: 1, flexBasis: 0 }]}>
          <Text style={s.headCell}>{a.code}</Text>
          <Text style={s.headCell}>{`(${a.max})`}</Text>
        </View>
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

/** The last rows of the table that stay on the signatures' page. */
const TAIL_ROWS = 2;
/** Signature blocks a row on the landscape page. */
const SIGN_COLUMNS = 5;
/**
 * The most rows of signature blocks the end block holds and still fits one landscape page (measured: 9 jurors and
 * the Mengetahui official, 2 rows, fit with room; 3 rows do not). With more, the end block may break between rows
 * of blocks (never inside one); the running head still ties every page to the document.
 */
const KEEP_TOGETHER_MAX_ROWS = 2;

/** Rows of signature blocks: the jurors, and the Mengetahui official at the end of the last row (or a row of its own). */
function signatureRows(jurors: number, acknowledged: boolean): number {
  return acknowledged ? Math.floor(jurors / SIGN_COLUMNS) + 1 : Math.ceil(jurors / SIGN_COLUMNS);
}

export function RekapPages({ model, stamp, bookmark }: { model: RekapModel; stamp: PageStamp; bookmark: string }) {
  const groups = model.groupedByCategory
    ? [...new Set(model.rows.map((r) => r.category))].map((c) => ({ category: c, rows: model.rows.filter((r) => r.category === c) }))
    : [{ category: null, rows: model.rows }];
  const provisional = model.state.provisional;
  const keepTogether = signatureRows(model.signature.jurors.length, model.signature.acknowledgedBy !== null) <= KEEP_TOGETHER_MAX_ROWS;
  const end = (
    <>
      <EndNotes model={model} />
      <JurySignatures {...model.signature} columns={SIGN_COLUMNS} positions acknowledgement="grid" />
    </>
  );
  return (
    <Page
      size="A4"
      orientation="landscape"
      style={[base.page, { paddingTop: contentTop(provisional) }]}
      bookmark={{ title: bookmark, fit: true }}
    >
      <ProvisionalBand text={model.state.band} />
      <RunningHead text={model.runningHead} provisional={provisional} />
      <Letterhead {...model.letterhead} />
      <Text style={s.title}>{model.title}</Text>
      <Text style={s.subtitle}>{model.subtitle}</Text>
      {model.number ? <Text style={s.number}>{`Nomor: ${model.number}`}</Text> : null}
      <Text style={[s.status, provisional ? s.provisional : {}]}>{model.status.text}</Text>
      {groups.map((g, gi) => {
        const last = gi === groups.length - 1;
        const cut = last ? Math.max(0, g.rows.length - TAIL_ROWS) : g.rows.length;
        return (
          <View key={g.category ?? '-'}>
            {model.groupedByCategory ? <Text style={s.group}>{`Kategori: ${g.category ?? '(tanpa kategori)'}`}</Text> : null}
            <HeaderRow model={model} />
            <Rows rows={g.rows.slice(0, cut)} />
            {last && keepTogether ? (
              <View wrap={false}>
                <Rows rows={g.rows.slice(cut)} />
                {end}
              </View>
            ) : null}
            {last && !keepTogether ? <Rows rows={g.rows.slice(cut)} /> : null}
          </View>
        );
      })}
      {/* Too many blocks for one page: they follow the table (outside it, so no header row repeats above them). */}
      {keepTogether ? null : end}
      <PageFooter left={`Penilai · Rekapitulasi Nilai ${model.competitionCode} · dicetak ${model.printedAt}`} stamp={stamp} />
    </Page>
  );
}

function EndNotes({ model }: { model: RekapModel }) {
  return (
    <View style={s.notes}>
      <View style={s.legend}>
        <Text style={s.legendTitle}>Aspek penilaian (nilai maksimum dalam kurung)</Text>
        <View style={s.legendGrid}>
          {model.aspects.map((a) => (
            <Text key={a.code} style={s.legendItem}>{`${a.code}  ${a.name} (${a.max})`}</Text>
          ))}
        </View>
      </View>
      <View style={s.methodBox}>
        <Text style={s.legendTitle}>Metode penilaian</Text>
        {model.method.map((line, i) => (
          <Text key={i} style={s.method}>{`${i + 1}. ${line}`}</Text>
        ))}
        <Text style={s.method}>{'Tanda "=" pada peringkat: lokus berbagi peringkat (seri).'}</Text>
      </View>
    </View>
  );
}
