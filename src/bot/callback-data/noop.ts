// A button that only shows something (the current page, an edge of the list): pressing it is
// answered and changes nothing, so that no edit ever repeats the message it would replace.
export const NOOP = "nop";
