import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The design's FollowCase query, as partners send it (also used by the CI smoke and the README). */
export const FOLLOW_CASE = readFileSync(path.join(__dirname, '..', 'queries', 'follow-case.graphql'), 'utf8');

/** The full-chain demo case: Mona Passage, detection → migrants → prosecution. */
export const MONA_PASSAGE_CASE_ID = 'ca5e0000-0000-4000-8000-000000000001';
