/**
 * Pieces every official document shares: the letterhead (kop surat), the page footer with "Halaman X dari N",
 * and the base styles.
 */
import { Image, StyleSheet, Text, View } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts.js';

export const base = StyleSheet.create({
  page: { fontFamily: FONT_FAMILY, fontSize: 9, paddingTop: 32, paddingBottom: 48, paddingHorizontal: 36, color: '#111' },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 36,
    right: 36,
    flexDirection: 'row',
    justifyContent: 'space-between',
    borderTopWidth: 0.5,
    borderTopColor: '#999',
    paddingTop: 4,
  },
  // No lineHeight here, nor inherited from the page: react-pdf drops a fixed footer whose render-prop Text has one.
  footerText: { fontSize: 7.5, color: '#555' },
});

const kop = StyleSheet.create({
  wrap: { flexDirection: 'row', alignItems: 'center', paddingBottom: 6 },
  logo: { width: 54, height: 54, marginRight: 10, objectFit: 'contain' },
  lines: { flexGrow: 1, alignItems: 'center' },
  first: { fontSize: 13, lineHeight: 1.25, fontWeight: 'bold', textAlign: 'center' },
  line: { fontSize: 11, lineHeight: 1.25, fontWeight: 'bold', textAlign: 'center' },
  address: { fontSize: 8, lineHeight: 1.3, textAlign: 'center', marginTop: 2 },
  ruleThick: { borderBottomWidth: 2.2, borderBottomColor: '#000' },
  ruleThin: { borderBottomWidth: 0.6, borderBottomColor: '#000', marginTop: 1.5, marginBottom: 10 },
  spacer: { width: 54, marginLeft: 10 },
});

export function Letterhead(props: { lines: string[]; address: string | null; logo: string | null }) {
  return (
    <View fixed={false}>
      <View style={kop.wrap}>
        {props.logo ? <Image src={props.logo} style={kop.logo} /> : null}
        <View style={kop.lines}>
          {props.lines.map((line, i) => (
            <Text key={i} style={i === 0 ? kop.first : kop.line}>
              {line}
            </Text>
          ))}
          {props.address ? <Text style={kop.address}>{props.address}</Text> : null}
        </View>
        {props.logo ? <View style={kop.spacer} /> : null}
      </View>
      <View style={kop.ruleThick} />
      <View style={kop.ruleThin} />
    </View>
  );
}

export function PageFooter(props: { left: string }) {
  return (
    <View style={base.footer} fixed>
      <Text style={base.footerText}>{props.left}</Text>
      <Text style={base.footerText} render={({ pageNumber, totalPages }) => `Halaman ${pageNumber} dari ${totalPages}`} />
    </View>
  );
}
