/** An organisation's name, as the `org` claim of its tokens and the keys of RATE_LIMITS carry it. */
export const ORGANISATION = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
