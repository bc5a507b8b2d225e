import type { ColumnContent, ColumnsBlock } from '../model/document.js';
import { fitColumns, type Profile } from '../profile/schema.js';
import type { Conclusion } from '../schema/conclusion.js';
import type { Phrases } from './phrases.js';
import type { MeasureTextMm } from './header.js';
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
export function composeFooter(conclusion: Conclusion, profile: Profile, phrases: Phrases, measure: MeasureTextMm): ColumnsBlock {
  const f = profile.footer;
  const [leftWidth, rightWidth] = fitColumns(profile, [f.recipientsColumnMm, f.signatureColumnMm]);
  const labelStyle = resolveStyle(profile, f.recipientsLabel);
  const recipientStyle = resolveStyle(profile, f.recipient);
  // A recipient that wraps goes on under its text, not under the dash: its first line hangs out
  // by the marker's width (or the profile's), so the marker stands alone in the margin.
  const hangingMm = f.recipient.hangingIndent === 'marker' ? measureStyled(measure, f.recipient.marker, recipientStyle) : f.recipient.hangingIndent;
  const left: ColumnContent[] = [
    literalParagraph('recipients-label', phrases.recipientsLabel, labelStyle),
    ...recipientLines(phrases.recipients, phrases.filing, f.recipient.marker, f.recipient.separator, f.recipient.terminator).map((text) =>
      literalParagraph('recipient', text, recipientStyle, { leftIndentMm: hangingMm, hangingMm }),
    ),
  ];

  const authority = resolveStyle(profile, f.authority);
  const position = resolveStyle(profile, f.position);
  const signer = resolveStyle(profile, f.signer);
  const right: ColumnContent[] = [
    literalParagraph('signature-authority', phrases.signatureAuthority, authority),
    literalParagraph('signature-position', phrases.signaturePosition, position),
    { kind: 'spacer', role: 'signature-space', heightMm: f.signSpaceMm },
    literalParagraph('signer', conclusion.signature.name, signer),
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
