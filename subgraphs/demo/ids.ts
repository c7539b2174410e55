/**
 * Fixed ids for the demo stories, so the three subgraphs' seeds agree on every cross-agency
 * reference and documentation can name them. Each kind has its own 8-hex prefix.
 */
export function demoId(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export const kind = {
  case: 'ca5e0000',
  detection: 'de7ec700',
  vessel: 'be55e100',
  suspect: '5a5bec70',
  person: '9e450000',
  network: 'e7a00000',
  operation: '0be4a700',
  intelligence: '1e7e1100',
  migrant: 'a1a00000',
  identity: 'a1de0000',
  consent: 'c0a5e700',
  screening: '5c4ee000',
  assistance: 'a5515700',
  prosecution: 'b40a0000',
  defendant: 'def00000',
  charge: 'c4a46e00',
  witness: 'b17e5500',
  mla: 'a1a40000',
  caseLaw: 'ca5e1a00',
} as const;

/** The full-chain case: Mona Passage, detection → migrants with consent and assistance → prosecution. */
export const MONA_PASSAGE_CASE_ID = demoId(kind.case, 1);

/** The yola detected twice: in the Mona Passage (DOM-2026-0142) and north of Curaçao (CUW-2026-0007). */
export const RECURRING_VESSEL_ID = demoId(kind.vessel, 1);
/** The organiser known as El Capitán, a suspect in the Curaçao and the Turks and Caicos cases: one person of interest. */
export const EL_CAPITAN_PERSON_ID = demoId(kind.person, 6);
