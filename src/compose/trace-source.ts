import type { GlyphSource } from '../fonts/errors.js';
import type { Conclusion } from '../schema/conclusion.js';
import { stringFields } from '../schema/fields.js';
import { TEMPLATE_FILES, type TemplateName } from '../templates/files.js';
import type { TemplateSet } from '../templates/load.js';
import { toUpperVi } from '../text/case.js';
import { templateContext } from './context.js';
import { renderPhrase } from './phrases.js';
import type { TextSource } from './provenance.js';

/**
 * Where `character` of a run from `source` stands, for a message. Template output is traced to
 * the input field that put the character there: the template is rendered again with that
 * character taken out of one field at a time, and the field whose change takes it out of the
 * output is the one. This runs only when there is an error to explain, so it may take its time.
 */
export function locateCharacter(source: TextSource | undefined, character: string, conclusion: Conclusion, set: TemplateSet): GlyphSource {
  if (source === undefined) return {};
  switch (source.kind) {
    case 'field':
      return { field: source.field };
    case 'setting':
      return { setting: source.setting };
    case 'template': {
      const template = TEMPLATE_FILES[source.template];
      const field = fieldFeeding(source.template, character, conclusion, set);
      return field === undefined ? { template } : { field, template };
    }
    case 'joined': {
      const part = source.parts.find((p) => holds(p.text, character)) ?? source.parts[0];
      return part === undefined ? {} : locateCharacter(part.source, character, conclusion, set);
    }
  }
}

/** Whether `text` has `character`, as written or in capitals (a style may set it in capitals). */
function holds(text: string, character: string): boolean {
  return text.includes(character) || toUpperVi(text).includes(character);
}

/** How often `character` stands in a template's output, as written and in capitals. */
function occurrences(output: string, character: string): number {
  const count = (text: string) => text.split(character).length - 1;
  return count(output) + count(toUpperVi(output));
}

/** The template's output for `input`, or undefined when the changed input no longer suits it (a derived value it needs is gone). */
function rendered(name: TemplateName, input: Conclusion, set: TemplateSet): string | undefined {
  try {
    return renderPhrase(set, name, templateContext(input, set.profile));
  } catch {
    return undefined;
  }
}

/**
 * What a line's warning names as its source: the input field, or for a template's line the one
 * input field it prints (found by changing each field and rendering again), else the template
 * file; a profile value by its key.
 */
export function sourceName(source: TextSource | undefined, conclusion: Conclusion, set: TemplateSet): string | undefined {
  if (source === undefined) return undefined;
  switch (source.kind) {
    case 'field':
      return source.field;
    case 'setting':
      return source.setting;
    case 'template': {
      const printed = fieldsPrinted(source.template, conclusion, set, (text) => `${text}x`, (output) => output);
      return printed.length === 1 ? printed[0] : TEMPLATE_FILES[source.template];
    }
    case 'joined':
      return sourceName(source.parts[0]?.source, conclusion, set);
  }
}

/** The input field whose `character` the template printed, found by taking it out of one field at a time. */
function fieldFeeding(name: TemplateName, character: string, conclusion: Conclusion, set: TemplateSet): string | undefined {
  const standIn = character === 'x' || character === 'X' ? '_' : 'x';
  const without = (text: string) =>
    holds(text, character) ? [...text].map((c) => (c === character || toUpperVi(c) === character ? standIn : c)).join('') : undefined;
  return fieldsPrinted(name, conclusion, set, without, (output) => occurrences(output, character))[0];
}

/**
 * The string fields of `conclusion` whose value, changed by `change` (undefined: leave the field
 * alone), changes `measure` of the template's output: the fields the template prints. A change
 * that makes the input unreadable to the template (the date) tells nothing.
 */
function fieldsPrinted<T>(name: TemplateName, conclusion: Conclusion, set: TemplateSet, change: (text: string) => string | undefined, measure: (output: string) => T): string[] {
  const before = rendered(name, conclusion, set);
  if (before === undefined) return [];
  const measured = measure(before);
  return stringFields(conclusion)
    .filter(({ path, text }) => {
      const changed = change(text);
      if (changed === undefined) return false;
      const after = rendered(name, withValue(conclusion, path, changed), set);
      return after !== undefined && measure(after) !== measured;
    })
    .map(({ field }) => field);
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** A copy of `conclusion` with the string at `path` replaced. */
function withValue(conclusion: Conclusion, path: readonly (string | number)[], text: string): Conclusion {
  const copy = structuredClone(conclusion) as unknown as Record<string | number, unknown>;
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = text;
  return copy as unknown as Conclusion;
}
