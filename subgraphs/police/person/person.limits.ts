/** At most this many phone numbers, and as many documents, per suspect added. */
export const MAX_IDENTIFIERS = 20;
