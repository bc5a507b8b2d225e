import type { Numbering, Profile } from '../profile/schema.js';
import type { Conclusion, SectionItem } from '../schema/conclusion.js';
import { ConclusionValidationError, formatPath, type ValidationProblem } from '../schema/errors.js';

/** Roman numerals stop at MMMCMXCIX. */
const LAST_ROMAN = 3999;

type NumberingKey = 'sectionNumbering' | 'pointNumbering' | 'subpointNumbering';

const WHAT: Record<NumberingKey, { en: string; vi: string }> = {
  sectionNumbering: { en: 'sections', vi: 'mục' },
  pointNumbering: { en: 'points', vi: 'điểm' },
  subpointNumbering: { en: 'sub-points', vi: 'ý' },
};

/**
 * Every list the body numbers, with the input field that holds it: the sections (given, or the
 * monthly ones), the points of each section and the sub-points of each point.
 */
function numberedLists(conclusion: Conclusion): { path: (string | number)[]; count: number; key: NumberingKey }[] {
  const lists: { path: (string | number)[]; count: number; key: NumberingKey }[] = [];
  const points = (path: (string | number)[], items: readonly SectionItem[], allPoints: boolean) => {
    lists.push({ path, count: allPoints ? items.length : items.filter((item) => typeof item !== 'string').length, key: 'pointNumbering' });
    items.forEach((item, i) => {
      if (typeof item !== 'string' && item.subpoints) lists.push({ path: [...path, i, 'subpoints'], count: item.subpoints.length, key: 'subpointNumbering' });
    });
  };
  if (conclusion.sections) {
    lists.push({ path: ['sections'], count: conclusion.sections.length, key: 'sectionNumbering' });
    conclusion.sections.forEach((section, i) => points(['sections', i, 'content'], section.content, false));
  } else {
    // The monthly form: results and shortcomings make one section, the tasks another; every task is a point.
    for (const field of ['results', 'shortcomings'] as const) {
      const item = conclusion[field];
      if (item !== undefined && typeof item !== 'string' && item.subpoints) lists.push({ path: [field, 'subpoints'], count: item.subpoints.length, key: 'subpointNumbering' });
    }
    if (conclusion.tasks) points(['tasks'], conclusion.tasks, true);
  }
  return lists;
}

/**
 * A list longer than its numbering can count (more than 3,999 in Roman numerals) is the input's
 * problem under this profile: named at validation time, with the field, the count and the
 * profile key, before anything is laid out.
 */
export function checkNumbering(conclusion: Conclusion, profile: Profile): void {
  const problems: ValidationProblem[] = [];
  for (const { path, count, key } of numberedLists(conclusion)) {
    const numbering: Numbering = profile.body[key];
    if (numbering.style !== 'roman' || count <= LAST_ROMAN) continue;
    const setting = `body.${key}.style: "roman"`;
    problems.push({
      path,
      field: formatPath(path),
      message: `has ${count} ${WHAT[key].en}, but the profile "${profile.name}" numbers ${WHAT[key].en} in Roman numerals (${setting}), which stop at ${LAST_ROMAN}`,
      messageVi: `có ${count} ${WHAT[key].vi}, nhưng mẫu trình bày "${profile.name}" đánh số ${WHAT[key].vi} bằng chữ số La Mã (${setting}), chỉ đến ${LAST_ROMAN}`,
    });
  }
  if (problems.length > 0) throw new ConclusionValidationError(problems);
}
