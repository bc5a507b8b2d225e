import type { ParagraphBlock, Run } from '../model/document.js';
import type { ListLevelStyle, Numbering, Profile, TextStyle } from '../profile/schema.js';
import type { Bullet, Conclusion, Point, SectionItem } from '../schema/conclusion.js';
import { formatOrdinal } from '../text/numbering.js';
import { textRun } from '../text/inline.js';
import type { Phrases } from './phrases.js';
import { fromField, fromSetting, RunSources, type TextSource } from './provenance.js';
import { paragraph, resolveStyle, styledRuns, type ParagraphOptions } from './style.js';

/** "I. ", "1. ", "a) ": the number of an item as the profile writes it. */
function numberLabel(n: number, numbering: Numbering): string {
  const ordinal = formatOrdinal(n, numbering.style);
  return ordinal === '' ? '' : ordinal + numbering.suffix;
}

/** Where a piece of text comes from, and the recorder of its runs' sources. */
interface Sourced {
  source: TextSource;
  sources: RunSources;
}

type NumberingKey = 'sectionNumbering' | 'pointNumbering' | 'subpointNumbering';

function numbered(role: string, n: number, body: Profile['body'], key: NumberingKey, text: string, style: TextStyle, from: Sourced, options: ParagraphOptions = {}): ParagraphBlock {
  const numbering = body[key];
  const label = numberLabel(n, numbering);
  const labelRuns: Run[] = label === '' ? [] : [textRun(label, { ...style, bold: numbering.boldNumber || style.bold })];
  from.sources.tag(labelRuns, fromSetting(`body.${key}`));
  return paragraph(role, [...labelRuns, ...from.sources.tag(styledRuns(text, style), from.source)], style, options);
}

/** An item of a section with the path of its field in the input, e.g. "sections[1].content[2]" or "tasks[0]". */
interface PlacedItem<T extends SectionItem = SectionItem> {
  item: T;
  path: string;
  /** Where the item's own text comes from: its field, or a template's lead and its field. */
  textSource: TextSource;
}

interface PlacedSection {
  heading: string | undefined;
  headingSource: TextSource;
  items: PlacedItem[];
}

/** The sections of the conclusion, given in full or built from the monthly content, with where each text comes from. */
function sectionsOf(conclusion: Conclusion, phrases: Phrases): PlacedSection[] {
  if (conclusion.sections) {
    return conclusion.sections.map((section, i) => ({
      heading: section.heading,
      headingSource: fromField(`sections[${i}].heading`),
      items: section.content.map((item, j) => placed(item, `sections[${i}].content[${j}]`)),
    }));
  }
  const sections: PlacedSection[] = [];
  const review: PlacedItem[] = [];
  if (conclusion.results !== undefined) review.push(placed(conclusion.results, 'results', asPoint));
  if (conclusion.shortcomings !== undefined) review.push(withLead(placed(conclusion.shortcomings, 'shortcomings', asPoint), phrases));
  if (review.length > 0) sections.push({ heading: phrases.headingResults(), headingSource: phrases.sources.headingResults, items: review });
  if (conclusion.tasks !== undefined) {
    const items = conclusion.tasks.map((task, i) => placed(task, `tasks[${i}]`, asPoint));
    sections.push({ heading: phrases.headingTasks(), headingSource: phrases.sources.headingTasks, items });
  }
  return sections;
}

function asPoint(item: SectionItem): Point {
  return typeof item === 'string' ? { text: item } : item;
}

/** An item as the body prints it (`as`), with the paths of its field and of its own text. */
function placed(item: SectionItem, path: string): PlacedItem;
function placed<T extends SectionItem>(item: SectionItem, path: string, as: (item: SectionItem) => T): PlacedItem<T>;
function placed(item: SectionItem, path: string, as: (item: SectionItem) => SectionItem = (same) => same): PlacedItem {
  return { item: as(item), path, textSource: fromField(typeof item === 'string' ? path : `${path}.text`) };
}

/** The shortcomings after the template's lead ("Tuy nhiên vẫn còn có những hạn chế đó là:"), in one paragraph. */
function withLead(at: PlacedItem<Point>, phrases: Phrases): PlacedItem<Point> {
  const lead = phrases.shortcomingsLead;
  const point = at.item;
  if (lead === '') return at;
  const parts = [
    { source: phrases.sources.shortcomingsLead, text: lead },
    { source: at.textSource, text: point.text },
  ];
  return { item: { ...point, text: `${lead} ${point.text}` }, path: at.path, textSource: { kind: 'joined', parts } };
}

/** A list level's text style, and the indent of all its lines. */
interface Level {
  style: TextStyle;
  leftIndentMm: number;
}

function level(profile: Profile, element: ListLevelStyle): Level {
  return { style: resolveStyle(profile, element), leftIndentMm: element.leftIndentMm ?? 0 };
}

export function composeBody(conclusion: Conclusion, profile: Profile, phrases: Phrases, sources: RunSources = new RunSources()): ParagraphBlock[] {
  const b = profile.body;
  const s = {
    paragraph: resolveStyle(profile, b.paragraph),
    heading: resolveStyle(profile, b.sectionHeading),
    point: level(profile, b.point),
    subpoint: level(profile, b.subpoint),
    bullet: level(profile, b.bullet),
    subbullet: level(profile, b.subbullet),
  };
  const from = (source: TextSource): Sourced => ({ source, sources });
  const text = (runs: Run[], source: TextSource) => sources.tag(runs, source);
  const marked = (role: 'bullet' | 'subbullet', marker: string, body: string, at: Level, path: string) =>
    paragraph(role, [...text([textRun(marker, at.style)], fromSetting(`body.${role}.marker`)), ...text(styledRuns(body, at.style), fromField(path))], at.style, {
      leftIndentMm: at.leftIndentMm,
    });
  const blocks: ParagraphBlock[] = [];
  // The third and fourth levels: `-` items, each with its `+` items.
  const bullets = (items: readonly Bullet[] | undefined, path: string) => {
    (items ?? []).forEach((item, m) => {
      const at = `${path}.bullets[${m}]`;
      const { body, children } = typeof item === 'string' ? { body: item, children: undefined } : { body: item.text, children: item.bullets };
      blocks.push(marked('bullet', b.bullet.marker, body, s.bullet, typeof item === 'string' ? at : `${at}.text`));
      (children ?? []).forEach((child, n) => {
        const childAt = `${at}.bullets[${n}]`;
        const childText = typeof child === 'string' ? { body: child, path: childAt } : { body: child.text, path: `${childAt}.text` };
        blocks.push(marked('subbullet', b.subbullet.marker, childText.body, s.subbullet, childText.path));
      });
    });
  };

  blocks.push(...phrases.opening.map((line, i) => paragraph('opening', text(styledRuns(line, s.paragraph), phrases.sources.opening(i)), s.paragraph)));
  let sectionNumber = 0;
  for (const section of sectionsOf(conclusion, phrases)) {
    // A section without a heading prints nothing in its place and takes no numeral.
    if (section.heading !== undefined) {
      sectionNumber += 1;
      // A heading is never left alone at the foot of a page.
      blocks.push(numbered('section-heading', sectionNumber, b, 'sectionNumbering', section.heading, s.heading, from(section.headingSource), { keepWithNext: true }));
    }
    let pointNumber = 0;
    for (const { item, path, textSource } of section.items) {
      if (typeof item === 'string') {
        blocks.push(paragraph('paragraph', text(styledRuns(item, s.paragraph), textSource), s.paragraph));
        continue;
      }
      pointNumber += 1;
      blocks.push(numbered('point', pointNumber, b, 'pointNumbering', item.text, s.point.style, from(textSource), { leftIndentMm: s.point.leftIndentMm }));
      (item.subpoints ?? []).forEach((sub, j) => {
        const subPath = `${path}.subpoints[${j}]`;
        blocks.push(numbered('subpoint', j + 1, b, 'subpointNumbering', sub.text, s.subpoint.style, from(fromField(`${subPath}.text`)), { leftIndentMm: s.subpoint.leftIndentMm }));
        bullets(sub.bullets, subPath);
      });
      bullets(item.bullets, path);
    }
  }
  return blocks;
}

export function composeClosing(profile: Profile, phrases: Phrases, sources: RunSources = new RunSources()): ParagraphBlock[] {
  const style = resolveStyle(profile, profile.body.closing);
  return phrases.closing.map((line, i) => paragraph('closing', sources.tag(styledRuns(line, style), phrases.sources.closing(i)), style));
}
