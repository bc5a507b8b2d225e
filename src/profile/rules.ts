import { characterProblems, invisibilityProblem } from '../schema/text-rules.js';
import type { ElementStyle, Profile, TextStyle } from './schema.js';

/**
 * Rules between a profile's keys, and on its strings: values each in range may still ruin the
 * page together (an indent wider than the text, a page number below the top margin) or put in a
 * document a character it cannot hold. Each problem names the key it is about.
 */
interface ProfileProblem {
  path: (string | number)[];
  message: string;
  /** Other keys the rule weighs, so that the file to blame is the one that set any of them. */
  related: (string | number)[][];
}

const MM_PER_PT = 25.4 / 72;
/**
 * A line of Times New Roman (and its metric twin Liberation Serif) is 1.15 × the font size from
 * the top of its accents to the bottom of its descenders: the height the page number needs.
 */
const LINE_HEIGHT_FACTOR = 1.15;
/** The narrowest a header or footer column may become, once fitted to the text width. */
const MIN_COLUMN_MM = 20;

/** The width of the text between the side margins. */
export function textWidthMm(profile: Profile): number {
  return profile.page.widthMm - profile.page.margin.leftMm - profile.page.margin.rightMm;
}

function textHeightMm(profile: Profile): number {
  return profile.page.heightMm - profile.page.margin.topMm - profile.page.margin.bottomMm;
}

/** Two column widths, narrowed in proportion if together they are wider than the text. */
export function fitColumns(profile: Profile, widths: [number, number]): [number, number] {
  const available = textWidthMm(profile);
  const total = widths[0] + widths[1];
  if (total <= available) return widths;
  return [(widths[0] * available) / total, (widths[1] * available) / total];
}

const round = (mm: number) => Math.round(mm * 10) / 10;

export function profileProblems(profile: Profile): ProfileProblem[] {
  const { page } = profile;
  const width = textWidthMm(profile);
  const height = textHeightMm(profile);
  if (width <= 0) return [{ path: ['page', 'margin'], message: `left and right margins leave no room for text on a ${page.widthMm} mm wide page`, related: [['page']] }];
  if (height <= 0) return [{ path: ['page', 'margin'], message: `top and bottom margins leave no room for text on a ${page.heightMm} mm high page`, related: [['page']] }];
  // One problem a key: a base value that ruins several elements is named once.
  const seen = new Set<string>();
  return [...geometryProblems(profile, width, height), ...stringProblems(profile)].filter((p) => {
    const key = p.path.join('.');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function geometryProblems(profile: Profile, width: number, height: number): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const { header, footer, pageNumbers, page } = profile;

  const [headerLeft, headerRight] = fitColumns(profile, [header.leftColumnMm, header.rightColumnMm]);
  const [footerLeft, footerRight] = fitColumns(profile, [footer.recipientsColumnMm, footer.signatureColumnMm]);
  const columns: [string, string, number][] = [
    ['header', 'leftColumnMm', headerLeft],
    ['header', 'rightColumnMm', headerRight],
    ['footer', 'recipientsColumnMm', footerLeft],
    ['footer', 'signatureColumnMm', footerRight],
  ];
  for (const [group, key, fitted] of columns) {
    if (fitted < MIN_COLUMN_MM) {
      problems.push({
        path: [group, key],
        message: `the column is ${round(fitted)} mm wide on a ${round(width)} mm wide text; it must be at least ${MIN_COLUMN_MM} mm`,
        related: [['page'], [group]],
      });
    }
  }

  if (pageNumbers.enabled) {
    const bottom = pageNumbers.fromTopMm + pageNumbers.sizePt * LINE_HEIGHT_FACTOR * MM_PER_PT;
    if (bottom > page.margin.topMm) {
      problems.push({
        path: ['pageNumbers', 'fromTopMm'],
        message: `a ${pageNumbers.sizePt} pt page number placed ${pageNumbers.fromTopMm} mm from the top reaches ${round(bottom)} mm down, below the ${page.margin.topMm} mm top margin (page.margin.topMm) it must stand in`,
        related: [['page'], ['pageNumbers']],
      });
    }
  }

  // The signature block is never split: at one line an element it must leave room on its page.
  const lineOf = (element: ElementStyle) => (element.lineHeightPt ?? profile.text.lineHeightPt) * MM_PER_PT;
  const signature = footer.spaceBeforePt * MM_PER_PT + lineOf(footer.authority) + lineOf(footer.position) + footer.signSpaceMm + lineOf(footer.signer);
  if (signature > height / 2) {
    problems.push({
      path: ['footer', 'signSpaceMm'],
      message: `the signature block (the space above it, one line each of authority, position and signer, and ${footer.signSpaceMm} mm to sign in) is ${round(signature)} mm tall, more than half the page's text area (${round(height)} mm)`,
      related: [['page'], ['footer'], ['text']],
    });
  }

  // Every element style, with the width of what it is laid out in.
  const containerOf = (group: string, element: string): [string, number] => {
    if (group === 'header') return HEADER_LEFT.has(element) ? ["the header's left column", headerLeft] : ["the header's right column", headerRight];
    if (group === 'footer') return FOOTER_LEFT.has(element) ? ["the footer's recipients column", footerLeft] : ["the footer's signature column", footerRight];
    return ['the text', width];
  };
  const styles: [(string | number)[], ElementStyle, string, number][] = [[['text'], profile.text, 'the text', width]];
  for (const group of ['header', 'title', 'body', 'footer'] as const) {
    for (const [key, value] of Object.entries(profile[group])) {
      if (isElementStyle(value)) styles.push([[group, key], value, ...containerOf(group, key)]);
    }
  }
  for (const [path, element, container, containerMm] of styles) {
    const style = { ...profile.text, ...definedOf(element) } as TextStyle;
    const where = (key: keyof TextStyle): (string | number)[] => (element[key] !== undefined ? [...path, key] : ['text', key]);
    const of = path.join('.');
    if (style.firstLineIndentMm > containerMm / 2) {
      problems.push({
        path: where('firstLineIndentMm'),
        message: `the first-line indent of ${of} (${style.firstLineIndentMm} mm) must be at most half the width of ${container} (${round(containerMm)} mm), so that its first line keeps room for words`,
        related: [['page'], path, ['header'], ['footer']],
      });
    }
    if (style.lineHeightPt < style.sizePt) {
      problems.push({
        path: where('lineHeightPt'),
        message: `the line height of ${of} (${style.lineHeightPt} pt) is less than its size (${style.sizePt} pt): its lines would overprint each other`,
        related: [path, ['text']],
      });
    }
    const tallest = style.spaceBeforePt + style.lineHeightPt + style.spaceAfterPt;
    if (tallest * MM_PER_PT > height) {
      problems.push({
        path: where('lineHeightPt'),
        message: `a line of ${of} with its space above and below (${tallest} pt, ${round(tallest * MM_PER_PT)} mm) is taller than the page's text area (${round(height)} mm)`,
        related: [['page'], path, ['text']],
      });
    }
  }
  return problems;
}

/** The header's left column holds these elements, the right one the others; likewise the footer's. */
const HEADER_LEFT = new Set(['superior', 'issuer', 'star', 'number', 'marks']);
const FOOTER_LEFT = new Set(['recipientsLabel', 'recipient']);

/** An element style, as opposed to a numbering (`style`) or the Party rule (`thicknessPt`). */
function isElementStyle(value: unknown): value is ElementStyle {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('style' in value) && !('thicknessPt' in value);
}

function definedOf(element: ElementStyle): Partial<TextStyle> {
  return Object.fromEntries(Object.entries(element).filter(([, v]) => v !== undefined));
}

/** Strings a document shows, which must show something: the signature's default lines. */
const MUST_SHOW = new Set(['defaults.signature.collective', 'defaults.signature.position', 'font.family']);

/** Every string of the profile is checked as input text is; one problem per string. */
function stringProblems(profile: Profile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const first = characterProblems(value, { multiline: false })[0] ?? (MUST_SHOW.has(path.join('.')) ? invisibilityProblem(value.normalize('NFC'), { markup: false }) : null);
      if (first) problems.push({ path, message: first.message, related: [] });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(profile, []);
  return problems;
}
