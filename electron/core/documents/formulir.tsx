/**
 * Formulir penilaian: the blank paper form, A4 portrait, with room to write. A pure component of `FormulirModel`.
 * A paper form is signed in ink: its signature block has no digital signing space.
 */
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { base, Letterhead, PageFooter } from './components.js';
import type { FormulirIndicator, FormulirModel } from './formulir-model.js';
import type { PageStamp } from './stamp.js';

/** The sheets' styles (once shared with the react-pdf Lembar and Catatan, now painted: paint.ts). */
const sheet = StyleSheet.create({
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

const f = StyleSheet.create({
  instructions: { borderWidth: 0.6, borderColor: '#777', padding: 4, marginBottom: 6 },
  item: { borderWidth: 0.6, borderColor: '#444', padding: 5, marginBottom: 5 },
  head: { flexDirection: 'row', marginBottom: 2 },
  code: { width: 34, fontSize: 9, lineHeight: 1.3, fontWeight: 'bold' },
  name: { flexGrow: 1, flexShrink: 1, fontSize: 9, lineHeight: 1.3, fontWeight: 'bold' },
  meta: { width: 120, fontSize: 8, lineHeight: 1.3, textAlign: 'right' },
  desc: { fontSize: 7.5, lineHeight: 1.3, color: '#333', marginBottom: 2 },
  rubricRow: { flexDirection: 'row' },
  rubricLevel: { width: 22, fontSize: 7.5, lineHeight: 1.3, fontWeight: 'bold' },
  rubricText: { flexGrow: 1, flexShrink: 1, fontSize: 7.5, lineHeight: 1.3 },
  label: { fontSize: 8, lineHeight: 1.3, fontWeight: 'bold', marginTop: 3, marginRight: 4 },
  boxes: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', marginTop: 2 },
  choice: { flexDirection: 'row', alignItems: 'center', marginRight: 10, marginBottom: 2 },
  tick: { width: 10, height: 10, borderWidth: 0.8, borderColor: '#000', marginRight: 3 },
  choiceText: { fontSize: 8, lineHeight: 1.3 },
  writeBox: { width: 70, height: 18, borderWidth: 0.8, borderColor: '#000', marginRight: 6 },
  line: { height: 16, borderBottomWidth: 0.5, borderBottomColor: '#888' },
  hhTable: { marginTop: 3, borderTopWidth: 0.6, borderLeftWidth: 0.6, borderColor: '#444' },
  hhRow: { flexDirection: 'row' },
  hhCell: { borderRightWidth: 0.6, borderBottomWidth: 0.6, borderColor: '#444', padding: 2, fontSize: 7, lineHeight: 1.2 },
  hhItem: { width: 150 },
  hhFamily: { flexGrow: 1, flexBasis: 0, textAlign: 'center', minHeight: 14 },
  signBox: { width: 150, height: 44, borderBottomWidth: 0.5, borderBottomColor: '#777' },
});

function Choices({ item }: { item: FormulirIndicator }) {
  if (item.boxes) {
    return (
      <View style={f.boxes}>
        <Text style={f.label}>Nilai:</Text>
        {item.boxes.map((b) => (
          <View key={b.key} style={f.choice}>
            <View style={f.tick} />
            <Text style={f.choiceText}>{[b.key === b.value ? b.value : `${b.key} (${b.value})`, b.label].filter(Boolean).join(' ')}</Text>
          </View>
        ))}
      </View>
    );
  }
  return (
    <View style={f.boxes}>
      <Text style={f.label}>Nilai:</Text>
      <View style={f.writeBox} />
      <Text style={f.choiceText}>{`(${item.write ?? ''})`}</Text>
    </View>
  );
}

function Household({ item }: { item: FormulirIndicator }) {
  const h = item.household!;
  const families = Array.from({ length: h.families }, (_, i) => i + 1);
  return (
    <View>
      <Text style={f.label}>{`Kunjungan rumah: ${h.families} KK sampel; tulis Y atau T`}</Text>
      {h.bands ? <Text style={f.desc}>{`Persentase "Ya" → nilai: ${h.bands}`}</Text> : null}
      <View style={f.hhTable}>
        <View style={f.hhRow} wrap={false}>
          <Text style={[f.hhCell, f.hhItem, { fontWeight: 'bold' }]}>Butir</Text>
          {families.map((n) => (
            <Text key={n} style={[f.hhCell, f.hhFamily, { fontWeight: 'bold' }]}>{`KK ${n}`}</Text>
          ))}
        </View>
        {h.items.map((text, i) => (
          <View key={i} style={f.hhRow} wrap={false}>
            <Text style={[f.hhCell, f.hhItem]}>{text}</Text>
            {families.map((n) => (
              <Text key={n} style={[f.hhCell, f.hhFamily]}>
                {' '}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </View>
  );
}

/** One indicator's block, kept on one page unless its checklist or rubric is long enough to need more. */
function Indicator({ item }: { item: FormulirIndicator }) {
  return (
    <View style={f.item} wrap={(item.household?.items.length ?? 0) > 12 || item.rubric.length > 12}>
      <View style={f.head}>
        <Text style={f.code}>{item.code}</Text>
        <Text style={f.name}>{item.name}</Text>
        <Text style={f.meta}>{`Bobot ${item.weight} · Tahap ${item.phase}`}</Text>
      </View>
      {item.description ? <Text style={f.desc}>{item.description}</Text> : null}
      {item.rubric.length > 0 ? (
        <View>
          <Text style={[f.label, { marginTop: 0 }]}>Rubrik:</Text>
          {item.rubric.map((r) => (
            <View key={r.level} style={f.rubricRow}>
              <Text style={f.rubricLevel}>{r.level}</Text>
              <Text style={f.rubricText}>{r.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {item.household ? <Household item={item} /> : null}
      <Choices item={item} />
      <Text style={f.label}>Catatan:</Text>
      <View style={f.line} />
      <View style={f.line} />
    </View>
  );
}

export function FormulirPages({ model, stamp, bookmark }: { model: FormulirModel; stamp: PageStamp; bookmark: string }) {
  const blank = '........................................';
  const left: [string, string][] = [
    ['Lokus', model.site ? `${model.site.code} — ${model.site.name}` : blank],
    ['Kecamatan', model.site?.district ?? blank],
    ['Kabupaten/Kota', model.site?.regency ?? blank],
    ['Tanggal kunjungan', model.site && model.site.visitDate !== '–' ? model.site.visitDate : blank],
  ];
  const right: [string, string][] = [
    ['Juri', model.juror ? `${model.juror.code} — ${model.juror.name}` : blank],
    ['NIP', model.juror?.nip ?? blank],
    ['Peran', model.juror?.role ?? blank],
    ['Instrumen', model.instrument],
  ];
  return (
    <Page size="A4" style={base.page} bookmark={{ title: bookmark, fit: true }}>
      <Letterhead {...model.letterhead} />
      <Text style={sheet.title}>{model.title}</Text>
      <Text style={sheet.subtitle}>{model.competition}</Text>
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
      <View style={f.instructions}>
        {model.instructions.map((line, i) => (
          <Text key={i} style={f.desc}>{`${i + 1}. ${line}`}</Text>
        ))}
      </View>
      {model.aspects.map((aspect) => (
        <View key={aspect.code}>
          {aspect.phases.map((phase, p) => (
            <View key={phase.code}>
              {/* The aspect's and phase's titles stay with the first indicator: never alone at a page's foot. */}
              <View wrap={false}>
                {p === 0 ? <Text style={sheet.aspect}>{`Aspek ${aspect.code} — ${aspect.name}`}</Text> : null}
                <Text style={sheet.phase}>{`Tahap ${phase.code} — ${phase.name}`}</Text>
                <Indicator item={phase.indicators[0]!} />
              </View>
              {phase.indicators.slice(1).map((item) => (
                <Indicator key={item.code} item={item} />
              ))}
            </View>
          ))}
        </View>
      ))}
      <View style={sheet.sign} wrap={false}>
        <View style={sheet.signBlock}>
          <Text style={sheet.signLine}>{`${blank}, ${blank}`}</Text>
          <Text style={sheet.signLine}>Juri Penilai,</Text>
          <View style={f.signBox} />
          <Text style={sheet.signName}>{model.juror?.name ?? blank}</Text>
          <Text style={sheet.signLine}>{`NIP ${model.juror?.nip ?? blank}`}</Text>
        </View>
      </View>
      <PageFooter
        left={`Penilai · Formulir Penilaian ${model.competitionCode}${model.juror && model.site ? ` · ${model.juror.code} · ${model.site.code}` : ' (umum)'} · dicetak ${model.printedAt}`}
        stamp={stamp}
      />
    </Page>
  );
}
