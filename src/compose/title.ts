import type { ParagraphBlock } from '../model/document.js';
import type { Profile } from '../profile/schema.js';
import type { Phrases } from './phrases.js';
import { literalRuns, paragraph, resolveStyle, styledRuns } from './style.js';

/** "KẾT LUẬN", its summary line(s) and the short dash under them, centred on the page. */
export function composeTitle(profile: Profile, phrases: Phrases): ParagraphBlock[] {
  const t = profile.title;
  const type = resolveStyle(profile, t.type);
  const summary = resolveStyle(profile, t.summary);
  const dash = resolveStyle(profile, t.dash);
  const keep = { keepWithNext: true };
  return [
    paragraph('title', literalRuns(phrases.title, type), type, keep),
    ...phrases.summary.map((line) => paragraph('summary', styledRuns(line, summary), summary, keep)),
    paragraph('title-dash', literalRuns(t.dash.text, dash), dash),
  ];
}
