import type { ParagraphBlock, Run } from '../model/document.js';
import type { Numbering, Profile, TextStyle } from '../profile/schema.js';
import type { Conclusion, Point, Section, SectionItem } from '../schema/conclusion.js';
import { formatOrdinal } from '../text/numbering.js';
import { textRun } from '../text/inline.js';
import type { Phrases } from './phrases.js';
import { paragraph, resolveStyle, styledRuns } from './style.js';

/** "I. ", "1. ", "a) ": the number of an item as the profile writes it. */
export function numberLabel(n: number, numbering: Numbering): string {
  const ordinal = formatOrdinal(n, numbering.style);
  return ordinal === '' ? '' : ordinal + numbering.suffix;
}

function numbered(role: string, n: number, numbering: Numbering, text: string, style: TextStyle, keepWithNext = false): ParagraphBlock {
  const label = numberLabel(n, numbering);
  const labelRuns: Run[] = label === '' ? [] : [textRun(label, { ...style, bold: numbering.boldNumber || style.bold })];
  return paragraph(role, [...labelRuns, ...styledRuns(text, style)], style, { keepWithNext });
}

/** The sections of the conclusion: given in full, or built from the monthly content. */
export function sectionsOf(conclusion: Conclusion, phrases: Phrases): Section[] {
  if (conclusion.sections) return conclusion.sections;
  const sections: Section[] = [];
  const review: SectionItem[] = [];
  if (conclusion.results !== undefined) review.push(asPoint(conclusion.results));
  if (conclusion.shortcomings !== undefined) review.push(withLead(asPoint(conclusion.shortcomings), phrases.shortcomingsLead));
  if (review.length > 0) sections.push({ heading: phrases.headingResults(), content: review });
  if (conclusion.tasks !== undefined) sections.push({ heading: phrases.headingTasks(), content: conclusion.tasks.map(asPoint) });
  return sections;
}

function asPoint(item: SectionItem): Point {
  return typeof item === 'string' ? { text: item } : item;
}

function withLead(point: Point, lead: string): Point {
  return lead === '' ? point : { ...point, text: `${lead} ${point.text}` };
}

export function composeBody(conclusion: Conclusion, profile: Profile, phrases: Phrases): ParagraphBlock[] {
  const b = profile.body;
  const s = {
    paragraph: resolveStyle(profile, b.paragraph),
    heading: resolveStyle(profile, b.sectionHeading),
    point: resolveStyle(profile, b.point),
    subpoint: resolveStyle(profile, b.subpoint),
    bullet: resolveStyle(profile, b.bullet),
  };
  const bullet = (text: string) => paragraph('bullet', [textRun(b.bullet.marker, s.bullet), ...styledRuns(text, s.bullet)], s.bullet);

  const blocks: ParagraphBlock[] = phrases.opening.map((text) => paragraph('opening', styledRuns(text, s.paragraph), s.paragraph));
  sectionsOf(conclusion, phrases).forEach((section, i) => {
    // A heading is never left alone at the foot of a page.
    blocks.push(numbered('section-heading', i + 1, b.sectionNumbering, section.heading, s.heading, true));
    let pointNumber = 0;
    for (const item of section.content) {
      if (typeof item === 'string') {
        blocks.push(paragraph('paragraph', styledRuns(item, s.paragraph), s.paragraph));
        continue;
      }
      pointNumber += 1;
      blocks.push(numbered('point', pointNumber, b.pointNumbering, item.text, s.point));
      (item.subpoints ?? []).forEach((sub, j) => {
        blocks.push(numbered('subpoint', j + 1, b.subpointNumbering, sub.text, s.subpoint));
        blocks.push(...(sub.bullets ?? []).map(bullet));
      });
      blocks.push(...(item.bullets ?? []).map(bullet));
    }
  });
  return blocks;
}

export function composeClosing(profile: Profile, phrases: Phrases): ParagraphBlock[] {
  const style = resolveStyle(profile, profile.body.closing);
  return phrases.closing.map((text) => paragraph('closing', styledRuns(text, style), style));
}
