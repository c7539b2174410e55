import { enforce, ForbiddenError } from '../../shared/access.js';
import type { Aggravation, Offence } from '../../shared/offence.js';
import { assertId, pageSize } from '../../shared/pagination.js';
import type { DefendantEntity } from '../defendant/defendant.entity.js';
import type { ProsecutionRequest } from '../prosecution.context.js';
import { prosecutionPolicy } from '../prosecution.policy.js';
import type { ProsecutionEntity } from './prosecution.entity.js';

/** Reads of prosecutions and what hangs off them, each behind the prosecution policy. */
export class ProsecutionService {
  constructor(private readonly request: ProsecutionRequest) {}

  get(id: string): Promise<ProsecutionEntity | null> {
    enforce(prosecutionPolicy.publicRecord(this.request.viewer));
    return this.request.loaders.prosecutionById.load(assertId(id));
  }

  /** For `_entities` calls: the same rule as a direct read. */
  async reference(id: string): Promise<ProsecutionEntity | null> {
    enforce(prosecutionPolicy.publicRecord(this.request.viewer));
    return this.request.loaders.prosecutionById.load(id);
  }

  byCase(caseId: string): Promise<ProsecutionEntity | null> {
    enforce(prosecutionPolicy.publicRecord(this.request.viewer));
    return this.request.loaders.prosecutionByCase.load(caseId.toLowerCase());
  }

  async newest(first: number | null | undefined): Promise<ProsecutionEntity[]> {
    enforce(prosecutionPolicy.publicRecord(this.request.viewer));
    const rows = await this.request.stores.prosecutions.newest(pageSize(first));
    // Prime the loader so nested references to these prosecutions cost nothing more.
    for (const row of rows) this.request.loaders.prosecutionById.prime(row.id, row);
    return rows;
  }

  defendants(root: ProsecutionEntity) {
    return this.request.loaders.defendantsByProsecution.load(root.id);
  }

  charges(root: DefendantEntity) {
    return this.request.loaders.chargesByDefendant.load(root.id);
  }

  witnesses(root: ProsecutionEntity) {
    enforce(prosecutionPolicy.witnesses(this.request.viewer));
    return this.request.loaders.witnessesByProsecution.load(root.id);
  }

  /** The witnesses' migrants, for the gateway to fetch their testimony consent (@requires); not in the API. */
  async witnessMigrants(root: ProsecutionEntity) {
    return (await this.request.loaders.witnessesByProsecution.load(root.id)).map((witness) => ({ id: witness.migrantId }));
  }

  /** Witnesses who may be called to testify: their migrant's TESTIMONY consent is live (per assistance). */
  async testifyingWitnesses(root: ProsecutionEntity & { witnessMigrants?: Array<{ testimonyConsent?: boolean | null }> }) {
    enforce(prosecutionPolicy.testifyingWitnesses(this.request.viewer));
    // The gateway returns the consents in the order `witnessMigrants` listed the witnesses (the same loader).
    const consents = root.witnessMigrants ?? [];
    const witnesses = await this.request.loaders.witnessesByProsecution.load(root.id);
    return witnesses.filter((_witness, index) => consents[index]?.testimonyConsent === true);
  }

  /** MLA requests are use-limited: every read, served or refused, is logged. */
  async mlaRequests(root: ProsecutionEntity) {
    const decision = prosecutionPolicy.mlaRequests(this.request.viewer);
    if (!decision.allowed) {
      this.request.accessLog.record('Prosecution', root.id, 'mlaRequests', decision);
      throw new ForbiddenError(decision.reason);
    }
    const requests = await this.request.loaders.mlaRequestsByProsecution.load(root.id);
    for (const request of requests) this.request.accessLog.record('MlaRequest', request.id, 'content', decision);
    return requests;
  }

  async caseLaw(root: ProsecutionEntity) {
    const links = await this.request.loaders.caseLawLinksByProsecution.load(root.id);
    return links.map((link) => link.caseLaw);
  }

  /** Case law ranked for a case: 2 per shared offence, 2 per shared aggravation, 1 for sea mode (every Tidelink case is by sea). */
  async relevantCaseLaw(offences: readonly Offence[], aggravations: readonly Aggravation[]) {
    enforce(prosecutionPolicy.publicRecord(this.request.viewer));
    const all = await this.request.loaders.allCaseLaw.load('all');
    return all
      .map((caseLaw) => {
        const matchedOffences = caseLaw.offences.filter((offence) => offences.includes(offence));
        const matchedAggravations = caseLaw.aggravations.filter((aggravation) => aggravations.includes(aggravation));
        const score = 2 * matchedOffences.length + 2 * matchedAggravations.length + (caseLaw.seaMode ? 1 : 0);
        return { caseLaw, score, matchedOffences, matchedAggravations };
      })
      .filter((ranked) => ranked.matchedOffences.length + ranked.matchedAggravations.length > 0)
      .sort((a, b) => b.score - a.score || b.caseLaw.year - a.caseLaw.year || a.caseLaw.citation.localeCompare(b.caseLaw.citation))
      .slice(0, 10);
  }

  allCaseLaw() {
    enforce(prosecutionPolicy.publicRecord(this.request.viewer));
    return this.request.stores.caseLaw.all();
  }
}
