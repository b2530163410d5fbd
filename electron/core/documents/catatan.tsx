/**
 * Catatan untuk peserta: one site's points per aspect beside the highest of any site and the maximum, its place,
 * and the jurors' released notes without their names. A pure component of `CatatanModel`.
 */
import { Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import type { CatatanModel } from './catatan-model.js';
import { base, Letterhead, PageFooter, SigningSpace } from './components.js';
import { sheet } from './lembar.js';
import type { PageStamp } from './stamp.js';

const c = StyleSheet.create({
  place: { flexDirection: 'row', borderWidth: 0.8, borderColor: '#333', marginBottom: 8 },
  placeCell: { flexGrow: 1, flexBasis: 0, padding: 4, borderRightWidth: 0.6, borderColor: '#333' },
  placeKey: { fontSize: 7.5, lineHeight: 1.3, color: '#333' },
  placeValue: { fontSize: 11, lineHeight: 1.3, fontWeight: 'bold' },
  section: { fontSize: 9.5, lineHeight: 1.3, fontWeight: 'bold', marginTop: 8, marginBottom: 3 },
  juror: { fontSize: 9, lineHeight: 1.3, fontWeight: 'bold', marginTop: 5, marginBottom: 2 },
  noteRow: { flexDirection: 'row', marginBottom: 2 },
  noteCode: { width: 34, fontSize: 8.5, lineHeight: 1.35, fontWeight: 'bold' },
  noteText: { flexGrow: 1, flexShrink: 1, flexBasis: 0, fontSize: 8.5, lineHeight: 1.35 },
});

const W = { code: 36, num: 62 };

export function CatatanPages({ model, stamp, bookmark }: { model: CatatanModel; stamp: PageStamp; bookmark: string }) {
  const place: [string, string][] = [
    ['Peringkat', `${model.place.rank} dari ${model.place.of}`],
    ['Nilai total', `${model.place.total} dari ${model.place.maxTotal}`],
    ['Predikat', model.place.label],
  ];
  return (
    <Page size="A4" style={base.page} bookmark={{ title: bookmark, fit: true }}>
      <Letterhead {...model.letterhead} />
      <Text style={sheet.title}>{model.title}</Text>
      <Text style={sheet.subtitle}>{model.competition}</Text>
      <Text style={model.provisional ? sheet.draft : sheet.final}>{model.state}</Text>
      <View style={sheet.ident}>
        <View style={sheet.identCol}>
          {(
            [
              ['Lokus', `${model.site.code} — ${model.site.name}`],
              ['Kecamatan', model.site.district],
            ] as const
          ).map(([k, v]) => (
            <View key={k} style={sheet.identRow}>
              <Text style={sheet.identKey}>{k}</Text>
              <Text style={sheet.identValue}>{`: ${v}`}</Text>
            </View>
          ))}
        </View>
        <View style={sheet.identCol}>
          {(
            [
              ['Kabupaten/Kota', model.site.regency],
              ['Tanggal kunjungan', model.site.visitDate],
            ] as const
          ).map(([k, v]) => (
            <View key={k} style={sheet.identRow}>
              <Text style={sheet.identKey}>{k}</Text>
              <Text style={sheet.identValue}>{`: ${v}`}</Text>
            </View>
          ))}
        </View>
      </View>
      <View style={c.place}>
        {place.map(([k, v]) => (
          <View key={k} style={c.placeCell}>
            <Text style={c.placeKey}>{k}</Text>
            <Text style={c.placeValue}>{v}</Text>
          </View>
        ))}
      </View>
      <Text style={c.section}>Nilai per aspek</Text>
      <View>
        <View style={[sheet.row, sheet.head]}>
          <Text style={[sheet.cell, sheet.headCell, { width: W.code }]}>Kode</Text>
          <Text style={[sheet.cell, sheet.headCell, { flexGrow: 1, flexBasis: 0 }]}>Aspek</Text>
          <Text style={[sheet.cell, sheet.headCell, { width: W.num }]}>Nilai lokus ini</Text>
          <Text style={[sheet.cell, sheet.headCell, { width: W.num }]}>Nilai tertinggi semua lokus</Text>
          <Text style={[sheet.cell, sheet.headCell, { width: W.num }]}>Nilai maksimum</Text>
        </View>
        {model.aspects.map((a) => (
          <View key={a.code} style={sheet.row} wrap={false}>
            <Text style={[sheet.cell, sheet.center, { width: W.code }]}>{a.code}</Text>
            <Text style={[sheet.cell, { flexGrow: 1, flexBasis: 0 }]}>{a.name}</Text>
            <Text style={[sheet.cell, sheet.num, sheet.bold, { width: W.num }]}>{a.points}</Text>
            <Text style={[sheet.cell, sheet.num, { width: W.num }]}>{a.highest}</Text>
            <Text style={[sheet.cell, sheet.num, { width: W.num }]}>{a.max}</Text>
          </View>
        ))}
      </View>
      <Text style={c.section} minPresenceAhead={40}>
        Catatan tim penilai
      </Text>
      {model.notes.length === 0 ? (
        <Text style={sheet.text}>Belum ada catatan juri yang dirilis untuk lokus ini.</Text>
      ) : (
        model.notes.map((j) => (
          <View key={j.juror}>
            <View wrap={false}>
              <Text style={c.juror}>{j.juror}</Text>
              <NoteRow item={j.items[0]!} />
            </View>
            {j.items.slice(1).map((item) => (
              <NoteRow key={item.code} item={item} />
            ))}
          </View>
        ))
      )}
      <Text style={[sheet.small, { marginTop: 6 }]}>{model.anonymity}</Text>
      {model.signer ? (
        <View style={sheet.sign} wrap={false}>
          <View style={sheet.signBlock}>
            <Text style={sheet.signLine}>{model.placeDate}</Text>
            <Text style={sheet.signLine}>Ketua Tim Penilai,</Text>
            <View style={sheet.spaceBox}>
              <SigningSpace juror={model.signer.code} />
            </View>
            <Text style={sheet.signName}>{model.signer.name}</Text>
            <Text style={sheet.signLine}>{`NIP ${model.signer.nip}`}</Text>
          </View>
        </View>
      ) : null}
      <PageFooter
        left={`Penilai · Catatan untuk Peserta ${model.competitionCode} · ${model.site.code} · dicetak ${model.printedAt}`}
        stamp={stamp}
      />
    </Page>
  );
}

function NoteRow({ item }: { item: CatatanModel['notes'][number]['items'][number] }) {
  return (
    <View style={c.noteRow} wrap={false}>
      <Text style={c.noteCode}>{item.code}</Text>
      <Text style={c.noteText}>{`${item.name}: ${item.note}`}</Text>
    </View>
  );
}
