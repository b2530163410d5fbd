/**
 * Layout pieces of the documents the whole jury signs (Rekapitulasi Nilai, Berita Acara Penilaian): the SEMENTARA
 * band while the result is provisional, the running head that ties every page after the first to the document, and
 * the signature section (place and date, one block per juror with its signing space, the optional "Mengetahui").
 */
import { StyleSheet, Text, View } from '@react-pdf/renderer';
import { SigningSpace } from './components.js';
import type { Acknowledgement, JurySigner } from './jury-model.js';
import { SIGNING_SPACE } from '../../../shared/domain/doc-stamp.js';

/** The top of a page's content: below the band and the running head. */
export const contentTop = (provisional: boolean) => (provisional ? 48 : 36);

const s = StyleSheet.create({
  band: {
    position: 'absolute',
    top: 10,
    left: 36,
    right: 36,
    paddingVertical: 2.5,
    backgroundColor: '#fde7d4',
    borderWidth: 0.8,
    borderColor: '#b45309',
  },
  bandText: { fontSize: 8.5, fontWeight: 'bold', color: '#9a3412', textAlign: 'center' },
  head: { position: 'absolute', left: 36, right: 36, fontSize: 7.5, color: '#444' },
  sign: {},
  placeDate: { fontSize: 9, lineHeight: 1.3, marginBottom: 2 },
  team: { fontSize: 9, lineHeight: 1.3, fontWeight: 'bold', marginBottom: 6 },
  grid: { flexDirection: 'row', flexWrap: 'wrap' },
  box: { paddingRight: 4, marginBottom: 6 },
  role: { fontSize: 8.5, lineHeight: 1.3 },
  space: { height: SIGNING_SPACE.height + 8, justifyContent: 'center' },
  name: { fontSize: 8.5, lineHeight: 1.3, fontWeight: 'bold', textDecoration: 'underline' },
  small: { fontSize: 7.5, lineHeight: 1.3 },
  ack: { alignItems: 'center', marginTop: 4 },
  ackText: { fontSize: 8.5, lineHeight: 1.3, textAlign: 'center' },
  ackSpace: { height: SIGNING_SPACE.height + 8 },
});

/** "SEMENTARA · …" across the top of every page while the result is not locked. */
export function ProvisionalBand({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <View style={s.band} fixed>
      <Text style={s.bandText}>{text}</Text>
    </View>
  );
}

/** The document's title, competition and number atop every page after the part's first, so no page stands alone. */
export function RunningHead({ text, provisional }: { text: string; provisional: boolean }) {
  return <Text style={[s.head, { top: provisional ? 32 : 16 }]} fixed render={({ subPageNumber }) => (subPageNumber > 1 ? text : '')} />;
}

/**
 * The signature section: place and date, "TIM PENILAI", a block per juror in signing order (role, jabatan, the
 * signing space where `sign` draws the signature and the stamp goes, the name in bold, the NIP), then the optional
 * "Mengetahui" official. `columns`: blocks a row.
 */
export function JurySignatures(props: {
  placeDate: string;
  jurors: JurySigner[];
  acknowledgedBy: Acknowledgement | null;
  columns: number;
  /** Whether the jabatan (position) is printed in each block (the Berita Acara lists it in its jury table). */
  positions: boolean;
  /**
   * Where the "Mengetahui" official signs: centred below the jury (the usual place), or, where height is short (the
   * landscape rekap, whose last rows and notes share the page), as the last block of the grid, at its right end.
   */
  acknowledgement: 'below' | 'grid';
}) {
  const width = `${(100 / props.columns).toFixed(3)}%`;
  const ack = props.acknowledgedBy;
  const inGrid = ack !== null && props.acknowledgement === 'grid';
  const padding = inGrid ? (props.columns - 1 - (props.jurors.length % props.columns) + props.columns) % props.columns : 0;
  return (
    <View style={s.sign}>
      <Text style={s.placeDate}>{props.placeDate}</Text>
      <Text style={s.team}>TIM PENILAI</Text>
      <View style={s.grid}>
        {props.jurors.map((j, i) => (
          <View key={j.code} style={[s.box, { width }]} wrap={false}>
            <Text style={s.role}>{`${i + 1}. ${j.role},`}</Text>
            <View style={s.space}>
              <SigningSpace juror={j.code} />
            </View>
            <Text style={s.name}>{j.name}</Text>
            <Text style={s.small}>{j.nip ? `NIP ${j.nip}` : ' '}</Text>
            {props.positions && j.position ? <Text style={s.small}>{j.position}</Text> : null}
          </View>
        ))}
        {Array.from({ length: padding }, (_, i) => (
          <View key={`pad-${i}`} style={[s.box, { width }]} />
        ))}
        {inGrid ? (
          <View style={[s.box, { width }]} wrap={false}>
            <Text style={s.role}>Mengetahui,</Text>
            <Text style={s.small}>{ack.title}</Text>
            <View style={s.space} />
            <Text style={s.name}>{ack.name}</Text>
            <Text style={s.small}>{ack.nip ? `NIP ${ack.nip}` : ' '}</Text>
          </View>
        ) : null}
      </View>
      {props.acknowledgedBy && !inGrid ? (
        <View style={s.ack} wrap={false}>
          <Text style={s.ackText}>Mengetahui,</Text>
          <Text style={[s.ackText, { fontWeight: 'bold' }]}>{props.acknowledgedBy.title}</Text>
          <View style={s.ackSpace} />
          <Text style={[s.ackText, { fontWeight: 'bold', textDecoration: 'underline' }]}>{props.acknowledgedBy.name}</Text>
          {props.acknowledgedBy.nip ? <Text style={s.ackText}>{`NIP ${props.acknowledgedBy.nip}`}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
