import { guard } from '../../shared/policy.js';
import type { CaseEntity } from '../case/case.entity.js';
import type { CaseService } from '../case/case.service.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import { LinkKind } from './link.enums.js';
import type { LinkRow } from './link.store.js';
import type { CaseLink, LinkBasis } from './link.type.js';

/**
 * The analysis file's links between cases. The case whose links are read follows its own release
 * rule (the reader must see it); each linked case is then a Case like any other, so one outside
 * the reader's scope resolves as a hit only through the case service's release decision.
 */
export class LinkService {
  constructor(
    private readonly request: PoliceCall,
    private readonly cases: CaseService,
  ) {}

  /** The other cases sharing something with this one, grouped per case, most recent link first. Logged. */
  async links(root: CaseEntity): Promise<CaseLink[]> {
    guard(this.request, policePolicy.links, root, { entityType: 'Case', entityId: root.id, field: 'links' });
    const rows = await this.request.loaders.linksByCase.load(root.id);
    const groups = new Map<string, LinkRow[]>();
    for (const row of rows) {
      const group = groups.get(row.otherId);
      if (group) group.push(row);
      else groups.set(row.otherId, [row]);
    }
    // Batched with every other case read of the request (one statement for all linked cases).
    const linked = await this.request.loaders.caseById.loadMany([...groups.keys()]);
    const links: CaseLink[] = [];
    for (const [index, group] of [...groups.values()].entries()) {
      const other = linked[index];
      if (!other || other instanceof Error) continue;
      // A hit tells that the case exists and whom to ask, nothing of the hidden record: its dates and
      // how far its detection lay from yours stay with its owner (the link's date is your own case's).
      const shared = this.cases.releasable(other) ? group.map(basis) : group.map((row) => withheld(basis(row), root.openedAt));
      links.push({ case: other, shared, since: new Date(Math.max(...shared.map((item) => item.since.getTime()))) });
    }
    return links;
  }
}

function basis(row: LinkRow): LinkBasis {
  return {
    kind: row.kind,
    vesselId: row.vesselId,
    personId: row.personId,
    networkId: row.networkId,
    phone: row.phone,
    document:
      row.kind === LinkKind.DOCUMENT && row.documentKind && row.documentNumber && row.documentCountry
        ? { kind: row.documentKind, number: row.documentNumber, issuingCountry: row.documentCountry }
        : null,
    distanceKm: row.distanceKm,
    since: row.since,
  };
}

/** A basis towards a hit: what your case holds, dated by your case, without the distance to the hidden detection. */
function withheld(shared: LinkBasis, ownDate: Date): LinkBasis {
  shared.distanceKm = null;
  shared.since = ownDate;
  return shared;
}
