import type { ParagraphBlock } from '../model/document.js';
import type { Profile } from '../profile/schema.js';
import type { Phrases } from './phrases.js';
import { fromSetting, RunSources } from './provenance.js';
import { literalParagraph, paragraph, resolveStyle, styledRuns } from './style.js';

/** "KẾT LUẬN", its summary line(s) and the short dash under them, centred on the page. */
export function composeTitle(profile: Profile, phrases: Phrases, sources: RunSources = new RunSources()): ParagraphBlock[] {
  const t = profile.title;
  const type = resolveStyle(profile, t.type);
  const summary = resolveStyle(profile, t.summary);
  const dash = resolveStyle(profile, t.dash);
  const keep = { keepWithNext: true };
  return [
    sources.block(literalParagraph('title', phrases.title, type, keep), phrases.sources.title),
    ...phrases.summary.map((line, i) => sources.block(paragraph('summary', styledRuns(line, summary), summary, keep), phrases.sources.summary(i))),
    sources.block(literalParagraph('title-dash', t.dash.text, dash), fromSetting('title.dash.text')),
  ];
}
