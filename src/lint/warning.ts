/**
 * Something a clerk should look at before sending the document, which does not stop it from
 * being rendered: a district-level issuer after 01/7/2025, a placeholder left in, a header line
 * that had to wrap. Like a validation problem, it names the field and says it in English and
 * Vietnamese.
 */
export interface ConclusionWarning {
  /** A stable name of the check, e.g. "district-issuer", for scripts that filter warnings. */
  code: string;
  /**
   * The field as messages write it, e.g. "issuer.superior", "recipients[2]"; for a warning about
   * a templates folder (code "template-…"), the file's path.
   */
  field: string;
  message: string;
  /** The same warning in Vietnamese. */
  messageVi: string;
}

/** Receives warnings as a document is composed. */
export type WarningSink = (warning: ConclusionWarning) => void;

/** "issuer.superior: …" — one warning on one line, in English or Vietnamese. */
export function formatWarning(warning: ConclusionWarning, language: 'en' | 'vi' = 'en'): string {
  return `${warning.field}: ${language === 'vi' ? warning.messageVi : warning.message}`;
}

/** Whether a warning is about the templates folder (its `field` a file's path), not about the input. */
export function isTemplatesFolderWarning(warning: ConclusionWarning): boolean {
  return warning.code.startsWith('template-');
}
