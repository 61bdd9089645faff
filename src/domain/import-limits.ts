// The bot's own limits on an imported monitoring-map file (not the programme's): a file a centre
// really sends is well under them, and they keep one upload from holding the bot's only thread.

/** At most this many project rows in one file (the header not counted). */
export const IMPORT_MAX_ROWS = 10_000;

/** A file over 5 MB is refused before it is downloaded or read. */
export const IMPORT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** An XLSX is a zip: one whose parts unpack to more than 50 MB is refused unread (a zip bomb). */
export const IMPORT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** A project re-opened by an import tells its subscribers again only after this many days. */
export const REANNOUNCE_AFTER_DAYS = 30;
