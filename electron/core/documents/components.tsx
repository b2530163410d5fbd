/**
 * Pieces every official document shares: the letterhead (kop surat), the page footer with "Halaman X dari N", the
 * data hash and the QR code (contract section 7), the bookmark of a part's first page, and the base styles.
 */
import { Image, Link, Path, StyleSheet, Svg, Text, View } from '@react-pdf/renderer';
import { FONT_FAMILY } from './fonts.js';
import { qrRuns, type PageStamp } from './stamp.js';
import { SIGNING_SPACE, signingDestination } from '../../../shared/domain/doc-stamp.js';

const QR_SIZE = 40;

export const base = StyleSheet.create({
  page: { fontFamily: FONT_FAMILY, fontSize: 9, paddingTop: 32, paddingBottom: 70, paddingHorizontal: 36, color: '#111' },
  footer: {
    position: 'absolute',
    bottom: 16,
    left: 36,
    right: 36,
    flexDirection: 'row',
    alignItems: 'center',
    borderTopWidth: 0.5,
    borderTopColor: '#999',
    paddingTop: 4,
  },
  footerTexts: { flexGrow: 1, flexShrink: 1, paddingLeft: 8 },
  footerPage: { fontSize: 7.5, color: '#555', marginLeft: 8 },
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

/** The QR code's dark modules as one path: each horizontal run of dark modules one rectangle. */
export function qrPath(qr: PageStamp['qr']): string {
  return qrRuns(qr)
    .map(({ row, col, run }) => `M${col} ${row}h${run}v1h-${run}z`)
    .join('');
}

export function QrCode({ qr, size }: { qr: PageStamp['qr']; size: number }) {
  // A quiet zone of 2 modules around the code, as scanners need.
  const box = qr.size + 4;
  return (
    <Svg width={size} height={size} viewBox={`-2 -2 ${box} ${box}`}>
      <Path d={qrPath(qr)} fill="#000" />
    </Svg>
  );
}

/**
 * The footer of every page: the QR code, what the document is, its verification code and data hash, and the page
 * number within the part ("Halaman 2 dari 3" of one Lembar, even inside the bundle).
 */
export function PageFooter(props: { left: string; stamp: PageStamp }) {
  return (
    <View style={base.footer} fixed>
      <QrCode qr={props.stamp.qr} size={QR_SIZE} />
      <View style={base.footerTexts}>
        <Text style={base.footerText}>{props.left}</Text>
        <Text style={base.footerText}>{`Kode verifikasi ${props.stamp.short}`}</Text>
        {/* The hash on a line of its own: one unbreakable word that ran under the page number on portrait pages. */}
        <Text style={base.footerText}>{`SHA-256 data ${props.stamp.sha256}`}</Text>
      </View>
      <Text
        style={base.footerPage}
        render={({ subPageNumber, subPageTotalPages }) => `Halaman ${subPageNumber} dari ${subPageTotalPages}`}
      />
    </View>
  );
}

/**
 * A juror's signing space, `SIGNING_SPACE` points, where `sign` draws that juror's visible signature (ink or a
 * stamp goes here on paper). The PDF marks it twice: a named destination `signingDestination(juror)` and a link
 * annotation to it whose /Rect is the space in page coordinates (react-pdf writes a destination's position relative
 * to the parent box, an annotation's in page space: the signer reads the annotation and replaces it).
 */
export function SigningSpace({ juror }: { juror: string }) {
  const destination = signingDestination(juror);
  return (
    <Link src={`#${destination}`} style={{ width: SIGNING_SPACE.width, height: SIGNING_SPACE.height }}>
      <View id={destination} style={{ width: SIGNING_SPACE.width, height: SIGNING_SPACE.height }} />
    </Link>
  );
}
