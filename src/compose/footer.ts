import type { ColumnContent, ColumnsBlock, SpacerBlock } from '../model/document.js';
import { fitColumns, type Profile } from '../profile/schema.js';
import type { Conclusion } from '../schema/conclusion.js';
import type { Phrases } from './phrases.js';
import type { MeasureTextMm } from './header.js';
import { fromField, fromSetting, RunSources, type TextSource } from './provenance.js';
import { placeSigningImages, type SigningImages } from './signing-images.js';
import { literalParagraph, measureStyled, resolveStyle } from './style.js';

/**
 * "- TT Đảng ủy, HĐND, UBND;" … "- Lưu VPĐU.": recipients then the filing line. A line the
 * user already ended with punctuation keeps it (offices differ between "," and ";").
 */
export function recipientLines(recipients: readonly string[], filing: string, marker: string, separator: string, terminator: string): string[] {
  const withPunctuation = (text: string, end: string) => marker + (/[,;.:]$/.test(text) ? text : text + end);
  return [...recipients.map((r) => withPunctuation(r, separator)), withPunctuation(filing, terminator)];
}

/** The recipients (left) and the signature (right), side by side, never split across pages. */
export function composeFooter(
  conclusion: Conclusion,
  profile: Profile,
  phrases: Phrases,
  measure: MeasureTextMm,
  images: SigningImages = {},
  sources: RunSources = new RunSources(),
): ColumnsBlock {
  const f = profile.footer;
  const [leftWidth, rightWidth] = fitColumns(profile, [f.recipientsColumnMm, f.signatureColumnMm]);
  const labelStyle = resolveStyle(profile, f.recipientsLabel);
  const recipientStyle = resolveStyle(profile, f.recipient);
  // A recipient that wraps goes on under its text, not under the dash: its first line hangs out
  // by the marker's width (or the profile's), so the marker stands alone in the margin.
  const hangingMm = f.recipient.hangingIndent === 'marker' ? measureStyled(measure, f.recipient.marker, recipientStyle) : f.recipient.hangingIndent;
  const { marker, separator, terminator } = f.recipient;
  const given = [...phrases.recipients.map((text, i) => ({ text, source: phrases.sources.recipients(i) })), { text: phrases.filing, source: phrases.sources.filing }];
  // A line joins the marker, the recipient and the punctuation the profile adds: each keeps its own source.
  const lineSource = (line: string, i: number): TextSource => {
    const { text, source } = given[i]!;
    const punctuation = i < phrases.recipients.length ? 'footer.recipient.separator' : 'footer.recipient.terminator';
    const parts = [
      { source, text },
      { source: fromSetting('footer.recipient.marker'), text: marker },
      { source: fromSetting(punctuation), text: line.slice(marker.length + text.length) },
    ];
    return { kind: 'joined', parts };
  };
  const left: ColumnContent[] = [
    sources.block(literalParagraph('recipients-label', phrases.recipientsLabel, labelStyle), phrases.sources.recipientsLabel),
    ...recipientLines(phrases.recipients, phrases.filing, marker, separator, terminator).map((line, i) =>
      sources.block(literalParagraph('recipient', line, recipientStyle, { leftIndentMm: hangingMm, hangingMm }), lineSource(line, i)),
    ),
  ];

  const authority = resolveStyle(profile, f.authority);
  const position = resolveStyle(profile, f.position);
  const signer = resolveStyle(profile, f.signer);
  const right: ColumnContent[] = [
    sources.block(literalParagraph('signature-authority', phrases.signatureAuthority, authority), phrases.sources.signatureAuthority),
    sources.block(literalParagraph('signature-position', phrases.signaturePosition, position), phrases.sources.signaturePosition),
    signingSpace(profile, rightWidth, images),
    sources.block(literalParagraph('signer', conclusion.signature.name, signer), fromField('signature.name')),
  ];

  return {
    kind: 'columns',
    role: 'footer',
    columns: [
      { widthMm: leftWidth, blocks: left },
      { widthMm: rightWidth, blocks: right },
    ],
    spaceBeforePt: f.spaceBeforePt,
    spaceAfterPt: 0,
    keepTogether: true,
  };
}

/** The room between the position line and the name, with the signature and seal images when given. */
function signingSpace(profile: Profile, columnWidthMm: number, images: SigningImages): SpacerBlock {
  const placed = placeSigningImages(images, profile, columnWidthMm);
  return { kind: 'spacer', role: 'signature-space', heightMm: profile.footer.signSpaceMm, ...(placed.length > 0 ? { images: placed } : {}) };
}
