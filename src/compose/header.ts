import type { ColumnContent, ColumnsBlock } from '../model/document.js';
import { fitColumns, type Profile } from '../profile/schema.js';
import type { Conclusion } from '../schema/conclusion.js';
import type { Phrases } from './phrases.js';
import { plainText } from '../text/inline.js';
import { literalParagraph, resolveStyle } from './style.js';

export type MeasureTextMm = (text: string, sizePt: number, bold: boolean, italic: boolean) => number;

/** The two-column block at the top of page 1: the issuer on the left, the Party name on the right. */
export function composeHeader(conclusion: Conclusion, profile: Profile, phrases: Phrases, measure: MeasureTextMm): ColumnsBlock {
  const h = profile.header;
  const [leftWidth, rightWidth] = fitColumns(profile, [h.leftColumnMm, h.rightColumnMm]);
  const style = (element: Parameters<typeof resolveStyle>[1]) => resolveStyle(profile, element);
  const line = (role: string, text: string, element: Parameters<typeof resolveStyle>[1]) => literalParagraph(role, text, style(element));

  const left: ColumnContent[] = [];
  if (conclusion.issuer.superior !== undefined) left.push(line('superior', conclusion.issuer.superior, h.superior));
  left.push(line('issuer', conclusion.issuer.name, h.issuer));
  left.push(line('star', h.star.text, h.star));
  left.push(line('number', phrases.number, h.number));
  const marks = conclusion.marks;
  for (const mark of [marks?.secrecy, marks?.urgency]) {
    if (mark !== undefined) left.push(line('mark', mark, h.marks));
  }

  const partyStyle = style(h.party);
  const party = line('party', phrases.party, h.party);
  const ruleLength =
    h.partyRule.length === 'text'
      ? measure(plainText(party.runs), partyStyle.sizePt, partyStyle.bold, partyStyle.italic)
      : h.partyRule.length;
  const right: ColumnContent[] = [
    party,
    {
      kind: 'rule',
      role: 'party-rule',
      lengthMm: Math.min(ruleLength, rightWidth),
      thicknessPt: h.partyRule.thicknessPt,
      spaceBeforePt: h.partyRule.spaceBeforePt,
      spaceAfterPt: h.partyRule.spaceAfterPt,
    },
    line('place-date', phrases.placeDate, h.placeDate),
  ];
  if (marks?.circulation !== undefined) right.push(line('circulation', marks.circulation, h.circulation));
  if (marks?.draft) right.push(line('draft', phrases.draft, h.circulation));

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
