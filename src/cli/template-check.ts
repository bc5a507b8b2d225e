import { resolve } from 'node:path';
import { loadTemplates } from '../node/template-folders.js';
import type { TemplateSet } from '../templates/load.js';
import { describeLibraryError } from './describe-error.js';
import { displayPath } from './display-path.js';
import type { Lang } from './messages.js';

interface TemplateChoice {
  /** --templates, as typed. */
  templates?: string;
  /** --profile. */
  profile?: string;
}

type TemplateCheck =
  | {
      ok: true;
      set: TemplateSet;
      templatesDir?: string;
      /** What in the templates folder is not used, in the language asked for, ready to print after the warning prefix. */
      warnings: string[];
    }
  | { ok: false; message: string };

/**
 * Loads and checks the profile and every template once, before any input is touched, so that
 * a bad template stops the command with one message naming its file and line.
 */
export function checkTemplates(choice: TemplateChoice, lang: Lang, cwd: string): TemplateCheck {
  const templatesDir = choice.templates === undefined ? undefined : resolve(cwd, choice.templates);
  try {
    const set = loadTemplates({
      ...(templatesDir !== undefined && { templates: templatesDir }),
      ...(choice.profile !== undefined && { profile: choice.profile }),
    });
    const warnings = set.warnings.map((w) => `${displayPath(w.field, cwd)}: ${lang === 'vi' ? w.messageVi : w.message}`);
    return { ok: true, set, warnings, ...(templatesDir !== undefined && { templatesDir }) };
  } catch (error) {
    return { ok: false, message: describeLibraryError(error, lang, cwd) };
  }
}
