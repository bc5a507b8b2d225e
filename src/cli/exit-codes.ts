/** The command's exit statuses. */
export const EXIT_OK = 0;
/** Some input was invalid, or failed to render or be written; or the templates are bad. */
export const EXIT_FAILED = 1;
/** The command line itself is wrong: unknown option or format, no inputs … */
export const EXIT_USAGE = 2;
/** Stopped by Ctrl-C (128 + SIGINT). */
export const EXIT_INTERRUPTED = 130;
