import type { ParagraphBlock } from '../model/document.js';
import type { Profile } from '../profile/schema.js';
import type { Phrases } from './phrases.js';
import { literalParagraph, paragraph, resolveStyle, styledRuns } from './style.js';

/** "KẾT LUẬN", its summary line(s) and the short dash under them, centred on the page. */
export function composeTitle(profile: Profile, phrases: Phrases): ParagraphBlock[] {
  const t = profile.title;
  const type = resolveStyle(profile, t.type);
  const summary = resolveStyle(profile, t.summary);
  const dash = resolveStyle(profile, t.dash);
  const keep = { keepWithNext: true };
  return [
    literalParagraph('title', phrases.title, type, keep),
    ...phrases.summary.map((line) => paragraph('summary', styledRuns(line, summary), summary, keep)),
    literalParagraph('title-dash', t.dash.text, dash),
  ];
}
