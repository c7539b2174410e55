import { agencies, ALLOW, deny, type Decision } from '../shared/access.js';
import type { Viewer } from '../shared/auth.js';
import type { ConsentEntity } from './consent/consent.entity.js';
import { ConsentScope } from './enums.js';

/**
 * Who may see what, for the data migrant assistance owns (design, "Who may see what"). IOM's data
 * protection: personal data leaves IOM only under consent for a stated purpose; vulnerabilities and
 * assistance records never leave it except as statistics. The one place this subgraph decides.
 */
export const assistancePolicy = {
  /** That a migrant exists, and its code, sex, age group, nationality. ANALYST and PARTNER: statistics only. */
  migrantRecord: agencies('POLICE', 'IOM', 'PROSECUTOR'),
  /** Counts of a case's migrants (small groups: the same readers as the records). */
  caseSummary: agencies('POLICE', 'IOM', 'PROSECUTOR'),
  /** Every assistance write: registration, screening, consent, assistance. IOM caseworkers only. */
  write: agencies('IOM'),
  /** Whether a migrant agrees to testify: what prosecutors need to call witnesses (and IOM keeps). */
  testimonyConsent: agencies('IOM', 'PROSECUTOR'),
  /** Vulnerabilities, screenings, assistance records and the consents themselves. */
  protectedRecord: agencies('IOM'),

  /**
   * Identity and trafficking status: IOM always; police under a live SHARE_WITH_POLICE consent;
   * prosecutors under a live SHARE_WITH_PROSECUTION or TESTIMONY consent; nobody else.
   */
  consentGated(viewer: Viewer, consents: readonly Pick<ConsentEntity, 'scope' | 'givenAt' | 'withdrawnAt'>[], now = new Date()): Decision {
    const live = new Set(
      consents.filter((consent) => consent.givenAt <= now && (consent.withdrawnAt === null || consent.withdrawnAt > now)).map((consent) => consent.scope),
    );
    switch (viewer.agency) {
      case 'IOM':
        return ALLOW;
      case 'POLICE':
        return live.has(ConsentScope.SHARE_WITH_POLICE) ? ALLOW : deny('CONSENT_REQUIRED');
      case 'PROSECUTOR':
        return live.has(ConsentScope.SHARE_WITH_PROSECUTION) || live.has(ConsentScope.TESTIMONY) ? ALLOW : deny('CONSENT_REQUIRED');
      default:
        return deny('ROLE');
    }
  },
};
