/** Settings of the address-bar sync (plain TS, so tests import them without Svelte). */
export const LAST_GOOD_KEY = 'yangfan.lastGood.v1';
/** How long the address waits after the last change before it is rewritten. */
export const URL_DEBOUNCE_MS = 300;
/** Where the state is kept (sessionStorage) while it is too long for a link, so a reload of the tab loses nothing. */
export const DRAFT_KEY = 'yangfan.draft.v1';
