import type { Conclusion } from '../schema/conclusion.js';
import type { TemplateSet } from '../templates/load.js';
import type { TemplateName } from '../templates/files.js';
import type { TemplateContext } from './context.js';
import { fromField, fromTemplate, type TextSource } from './provenance.js';

/** A template's output as lines: trailing newlines and blank lines are layout of the file, not text. */
export function renderLines(set: TemplateSet, name: TemplateName, context: TemplateContext): string[] {
  return set.templates[name](context)
    .normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function renderPhrase(set: TemplateSet, name: TemplateName, context: TemplateContext): string {
  return renderLines(set, name, context).join('\n');
}

/**
 * The fixed phrases of a document: the input's own text where it gives one, else the template's.
 * Templates that need the meeting are rendered only when one is given.
 */
export function resolvePhrases(conclusion: Conclusion, set: TemplateSet, context: TemplateContext) {
  const lines = (name: TemplateName) => renderLines(set, name, context);
  const phrase = (name: TemplateName) => renderPhrase(set, name, context);
  const needsMeeting = <T>(field: string, make: () => T): T => {
    if (context.meeting === null) {
      throw new MissingPhraseError(field);
    }
    return make();
  };
  return {
    party: phrase('party'),
    number: phrase('number'),
    placeDate: phrase('placeDate'),
    title: conclusion.title ?? phrase('title'),
    summary: conclusion.summary ?? needsMeeting('summary', () => lines('summary')),
    opening: conclusion.opening ?? (context.meeting ? [phrase('opening')] : []),
    headingResults: () => needsMeeting('results', () => phrase('headingResults')),
    headingTasks: () => needsMeeting('tasks', () => phrase('headingTasks')),
    shortcomingsLead: phrase('shortcomingsLead'),
    closing: conclusion.closing ?? [phrase('closing')],
    recipientsLabel: phrase('recipientsLabel'),
    recipients: conclusion.recipients ?? lines('recipients'),
    filing: conclusion.filing ?? phrase('filing'),
    signatureAuthority: phrase('signatureAuthority'),
    signaturePosition: phrase('signaturePosition'),
    draft: phrase('draft'),
    sources: phraseSources(conclusion),
  };
}

/** Where each phrase comes from: the input's own field when it gives one, else its template; a list's sources per line. */
function phraseSources(conclusion: Conclusion) {
  const given = (field: 'title' | 'filing', template: TemplateName): TextSource => (conclusion[field] !== undefined ? fromField(field) : fromTemplate(template));
  const lines =
    (field: 'summary' | 'opening' | 'closing' | 'recipients', template: TemplateName) =>
    (index: number): TextSource =>
      conclusion[field] !== undefined ? fromField(`${field}[${index}]`) : fromTemplate(template);
  return {
    party: fromTemplate('party'),
    number: fromTemplate('number'),
    placeDate: fromTemplate('placeDate'),
    title: given('title', 'title'),
    summary: lines('summary', 'summary'),
    opening: lines('opening', 'opening'),
    headingResults: fromTemplate('headingResults'),
    headingTasks: fromTemplate('headingTasks'),
    shortcomingsLead: fromTemplate('shortcomingsLead'),
    closing: lines('closing', 'closing'),
    recipientsLabel: fromTemplate('recipientsLabel'),
    recipients: lines('recipients', 'recipients'),
    filing: given('filing', 'filing'),
    signatureAuthority: fromTemplate('signatureAuthority'),
    signaturePosition: fromTemplate('signaturePosition'),
    draft: fromTemplate('draft'),
  };
}

export type Phrases = ReturnType<typeof resolvePhrases>;

/** A phrase the input left out whose template needs the meeting month, which it also left out. */
export class MissingPhraseError extends Error {
  readonly field: string;
  constructor(field: string) {
    super(`${field}: not given, and its template needs "meeting" (the meeting's month and year)`);
    this.name = 'MissingPhraseError';
    this.field = field;
  }
}
