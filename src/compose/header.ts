import type { ColumnContent, ColumnsBlock } from '../model/document.js';
import { fitColumns, textWidthMm, type Profile } from '../profile/schema.js';
import type { Conclusion } from '../schema/conclusion.js';
import type { WarningSink } from '../lint/warning.js';
import type { Phrases } from './phrases.js';
import { plainText } from '../text/inline.js';
import { headerColumns, longest, measureLines, type MeasuredLine } from './header-columns.js';
import { fromField, fromSetting, RunSources, type TextSource } from './provenance.js';
import { literalParagraph, resolveStyle } from './style.js';

export type MeasureTextMm = (text: string, sizePt: number, bold: boolean, italic: boolean) => number;

/**
 * The two-column block at the top of page 1: the issuer on the left, the Party name on the right,
 * each column as wide as its longest line needs (see header-columns.ts).
 */
export function composeHeader(
  conclusion: Conclusion,
  profile: Profile,
  phrases: Phrases,
  measure: MeasureTextMm,
  warn: WarningSink = () => {},
  sources: RunSources = new RunSources(),
  nameSource: (source: TextSource | undefined) => string | undefined = () => undefined,
): ColumnsBlock {
  const h = profile.header;
  const style = (element: Parameters<typeof resolveStyle>[1]) => resolveStyle(profile, element);
  const line = (role: string, text: string, element: Parameters<typeof resolveStyle>[1], source: TextSource) =>
    sources.block(literalParagraph(role, text, style(element)), source);

  const left: ColumnContent[] = [];
  if (conclusion.issuer.superior !== undefined) left.push(line('superior', conclusion.issuer.superior, h.superior, fromField('issuer.superior')));
  left.push(line('issuer', conclusion.issuer.name, h.issuer, fromField('issuer.name')));
  left.push(line('star', h.star.text, h.star, fromSetting('header.star.text')));
  left.push(line('number', phrases.number, h.number, phrases.sources.number));
  const marks = conclusion.marks;
  for (const key of ['secrecy', 'urgency'] as const) {
    const mark = marks?.[key];
    if (mark !== undefined) left.push(line('mark', mark, h.marks, fromField(`marks.${key}`)));
  }

  const partyStyle = style(h.party);
  const party = line('party', phrases.party, h.party, phrases.sources.party);
  const partyWidth = measure(plainText(party.runs), partyStyle.sizePt, partyStyle.bold, partyStyle.italic);
  const right: ColumnContent[] = [party, line('place-date', phrases.placeDate, h.placeDate, phrases.sources.placeDate)];
  if (marks?.circulation !== undefined) right.push(line('circulation', marks.circulation, h.circulation, fromField('marks.circulation')));
  if (marks?.draft) right.push(line('draft', phrases.draft, h.circulation, phrases.sources.draft));

  const leftLines = measureLines(left, measure);
  const rightLines = measureLines(right, measure);
  const widest = [longest(leftLines), longest(rightLines)] as const;
  const columns = headerColumns(
    fitColumns(profile, [h.leftColumnMm, h.rightColumnMm]),
    [widest[0]?.widthMm ?? 0, widest[1]?.widthMm ?? 0],
    textWidthMm(profile),
    h.minGapMm,
  );
  const [leftWidth, rightWidth] = columns.widthsMm;
  if (!columns.fits) warnWrapping(widest, columns.widthsMm, textWidthMm(profile), warn, (line) => nameSource(sources.of(line.firstRun)) ?? 'header');

  const ruleLength = h.partyRule.length === 'text' ? partyWidth : h.partyRule.length;
  right.splice(1, 0, {
    kind: 'rule',
    role: 'party-rule',
    lengthMm: Math.min(ruleLength, rightWidth),
    thicknessPt: h.partyRule.thicknessPt,
    spaceBeforePt: h.partyRule.spaceBeforePt,
    spaceAfterPt: h.partyRule.spaceAfterPt,
  });

  return {
    kind: 'columns',
    role: 'header',
    columns: [
      { widthMm: leftWidth, blocks: left },
      { widthMm: rightWidth, blocks: right },
    ],
    spaceBeforePt: 0,
    spaceAfterPt: h.spaceAfterPt,
    keepTogether: true,
  };
}

/** Names each line that will wrap, with its width and its column's. */
function warnWrapping(
  widest: readonly [MeasuredLine | undefined, MeasuredLine | undefined],
  widthsMm: [number, number],
  textMm: number,
  warn: WarningSink,
  fieldOf: (line: MeasuredLine) => string,
): void {
  widest.forEach((line, index) => {
    const column = widthsMm[index]!;
    if (line === undefined || line.widthMm <= column) return;
    const field = fieldOf(line);
    const mm = (n: number) => n.toFixed(0);
    warn({
      code: 'header-line-wraps',
      field,
      message: `the header line "${line.text}" (${mm(line.widthMm)} mm) wraps: with the other column's longest line it does not fit the ${mm(textMm)} mm text width on one line; shorten it if the office's form allows`,
      messageVi: `dòng "${line.text}" ở phần đầu văn bản (${mm(line.widthMm)} mm) bị xuống dòng: cùng với dòng dài nhất của cột bên kia, nó không vừa chiều rộng ${mm(textMm)} mm của vùng văn bản trên một dòng; nên viết gọn lại nếu mẫu của cơ quan cho phép`,
    });
  });
}
