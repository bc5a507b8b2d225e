/**
 * Names the input field a piece of laid-out text came from, through the caller's fieldOf.
 *
 * A run's text is often not an input string as such: templates build lines around the user's
 * words ("Phú Đình, ngày 29 tháng 10 năm 2024" from the place). So when the whole run is not
 * recognised, the clause around the offending position is tried, then the word, then the
 * character itself.
 */
export function fieldOfText(
  fieldOf: ((text: string) => string | undefined) | undefined,
  text: string,
  position = 0,
): string | undefined {
  if (!fieldOf) return undefined;
  const candidates = [text, around(text, position, /[,;:.!?()[\]“”"]/), around(text, position, /\s/), [...text.slice(position)][0] ?? ''];
  for (const candidate of candidates) {
    const trimmed = candidate.trim();
    if (trimmed === '') continue;
    const field = fieldOf(trimmed);
    if (field !== undefined) return field;
  }
  return undefined;
}

/** The stretch of `text` around `position` between two separators. */
function around(text: string, position: number, separator: RegExp): string {
  let start = position;
  while (start > 0 && !separator.test(text.charAt(start - 1))) start--;
  let end = position;
  while (end < text.length && !separator.test(text.charAt(end))) end++;
  return text.slice(start, end);
}
