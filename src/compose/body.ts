import type { ParagraphBlock, Run } from '../model/document.js';
import type { ListLevelStyle, Numbering, Profile, TextStyle } from '../profile/schema.js';
import type { Bullet, Conclusion, Point, Section, SectionItem } from '../schema/conclusion.js';
import { formatOrdinal } from '../text/numbering.js';
import { textRun } from '../text/inline.js';
import type { Phrases } from './phrases.js';
import { paragraph, resolveStyle, styledRuns, type ParagraphOptions } from './style.js';

/** "I. ", "1. ", "a) ": the number of an item as the profile writes it. */
export function numberLabel(n: number, numbering: Numbering): string {
  const ordinal = formatOrdinal(n, numbering.style);
  return ordinal === '' ? '' : ordinal + numbering.suffix;
}

function numbered(role: string, n: number, numbering: Numbering, text: string, style: TextStyle, options: ParagraphOptions = {}): ParagraphBlock {
  const label = numberLabel(n, numbering);
  const labelRuns: Run[] = label === '' ? [] : [textRun(label, { ...style, bold: numbering.boldNumber || style.bold })];
  return paragraph(role, [...labelRuns, ...styledRuns(text, style)], style, options);
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

/** A list level's text style, and the indent of all its lines. */
interface Level {
  style: TextStyle;
  leftIndentMm: number;
}

function level(profile: Profile, element: ListLevelStyle): Level {
  return { style: resolveStyle(profile, element), leftIndentMm: element.leftIndentMm ?? 0 };
}

export function composeBody(conclusion: Conclusion, profile: Profile, phrases: Phrases): ParagraphBlock[] {
  const b = profile.body;
  const s = {
    paragraph: resolveStyle(profile, b.paragraph),
    heading: resolveStyle(profile, b.sectionHeading),
    point: level(profile, b.point),
    subpoint: level(profile, b.subpoint),
    bullet: level(profile, b.bullet),
    subbullet: level(profile, b.subbullet),
  };
  const marked = (role: string, marker: string, text: string, at: Level) =>
    paragraph(role, [textRun(marker, at.style), ...styledRuns(text, at.style)], at.style, { leftIndentMm: at.leftIndentMm });
  const blocks: ParagraphBlock[] = [];
  // The third and fourth levels: `-` items, each with its `+` items.
  const bullets = (items: readonly Bullet[] | undefined) => {
    for (const item of items ?? []) {
      const { text, children } = typeof item === 'string' ? { text: item, children: undefined } : { text: item.text, children: item.bullets };
      blocks.push(marked('bullet', b.bullet.marker, text, s.bullet));
      for (const child of children ?? []) blocks.push(marked('subbullet', b.subbullet.marker, typeof child === 'string' ? child : child.text, s.subbullet));
    }
  };

  blocks.push(...phrases.opening.map((text) => paragraph('opening', styledRuns(text, s.paragraph), s.paragraph)));
  let sectionNumber = 0;
  for (const section of sectionsOf(conclusion, phrases)) {
    // A section without a heading prints nothing in its place and takes no numeral.
    if (section.heading !== undefined) {
      sectionNumber += 1;
      // A heading is never left alone at the foot of a page.
      blocks.push(numbered('section-heading', sectionNumber, b.sectionNumbering, section.heading, s.heading, { keepWithNext: true }));
    }
    let pointNumber = 0;
    for (const item of section.content) {
      if (typeof item === 'string') {
        blocks.push(paragraph('paragraph', styledRuns(item, s.paragraph), s.paragraph));
        continue;
      }
      pointNumber += 1;
      blocks.push(numbered('point', pointNumber, b.pointNumbering, item.text, s.point.style, { leftIndentMm: s.point.leftIndentMm }));
      (item.subpoints ?? []).forEach((sub, j) => {
        blocks.push(numbered('subpoint', j + 1, b.subpointNumbering, sub.text, s.subpoint.style, { leftIndentMm: s.subpoint.leftIndentMm }));
        bullets(sub.bullets);
      });
      bullets(item.bullets);
    }
  }
  return blocks;
}

export function composeClosing(profile: Profile, phrases: Phrases): ParagraphBlock[] {
  const style = resolveStyle(profile, profile.body.closing);
  return phrases.closing.map((text) => paragraph('closing', styledRuns(text, style), style));
}
