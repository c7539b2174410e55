import { agencies, ALLOW, deny, type Decision } from '../shared/access.js';
import type { Viewer } from '../shared/auth.js';
import { HandlingCode } from './enums.js';
import type { IntelligenceItemEntity } from './intelligence/intelligence.entity.js';

/**
 * Who may see what, for the data police intelligence owns (design, "Who may see what"). The one
 * place this subgraph decides: services ask it, resolvers never do. AUDITOR reads access logs only.
 */
export const policePolicy = {
  /** Cases, detections (time, area, outcome, persons on board, deaths), operations. PARTNER: statistics only. */
  caseRecord: agencies('POLICE', 'IOM', 'PROSECUTOR', 'ANALYST'),
  /** A detection's position and vessel (flag State, registry, boarding authorization). */
  vesselAndPosition: agencies('POLICE', 'PROSECUTOR'),
  /** Suspects, and the smuggling networks they are tied to. */
  suspects: agencies('POLICE', 'PROSECUTOR'),
  /** Every police write: cases, detections, suspects, intelligence. Only police services record police data. */
  write: agencies('POLICE'),
  /** Intelligence on a case at all; each item's own restrictions come on top (`intelligenceItem`). */
  intelligence: agencies('POLICE', 'PROSECUTOR'),

  /** Whether the source released the item to the reader's country (always to its own; no list: to all). */
  released(viewer: Viewer, item: Pick<IntelligenceItemEntity, 'releasableTo' | 'sourceCountry'>): boolean {
    return item.releasableTo === null || item.releasableTo.includes(viewer.country) || item.sourceCountry === viewer.country;
  },

  /**
   * The source's restrictions bind every reader (Smuggling Protocol Art. 10(2)): the item reaches
   * only the countries it is released to (always its own), and never serves judicial proceedings
   * when H1 (so prosecutors do not receive it).
   */
  intelligenceItem(viewer: Viewer, item: Pick<IntelligenceItemEntity, 'releasableTo' | 'sourceCountry' | 'handlingCode'>): Decision {
    if (!policePolicy.released(viewer, item)) return deny('NOT_RELEASABLE');
    if (viewer.agency === 'PROSECUTOR' && item.handlingCode === HandlingCode.H1) return deny('HANDLING_RESTRICTED');
    return ALLOW;
  },
};
