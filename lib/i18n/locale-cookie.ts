/** The language switcher's choice for a signed-out visitor (a signed-in one has it on the account). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;
