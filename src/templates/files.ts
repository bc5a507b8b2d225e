/** The template files of a profile; each is a Handlebars template rendering one fixed phrase. */
export const TEMPLATE_FILES = {
  title: 'title.hbs',
  summary: 'summary.hbs',
  opening: 'opening.hbs',
  headingResults: 'heading-results.hbs',
  headingTasks: 'heading-tasks.hbs',
  shortcomingsLead: 'shortcomings-lead.hbs',
  closing: 'closing.hbs',
  recipients: 'recipients.hbs',
  filing: 'filing.hbs',
  recipientsLabel: 'recipients-label.hbs',
  party: 'party.hbs',
  number: 'number.hbs',
  placeDate: 'place-date.hbs',
  signatureAuthority: 'signature-authority.hbs',
  signaturePosition: 'signature-position.hbs',
  draft: 'draft.hbs',
} as const;

export type TemplateName = keyof typeof TEMPLATE_FILES;

export const PROFILE_FILE = 'profile.json';
export const DEFAULT_PROFILE = 'ket-luan-hd36';
