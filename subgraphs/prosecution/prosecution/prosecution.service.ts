import type { Aggravation, Offence } from '../../shared/offence.js';
import { assertId, pageSize } from '../../shared/pagination.js';
import { guard, permits, type FieldRule } from '../../shared/policy.js';
import type { DefendantEntity } from '../defendant/defendant.entity.js';
import type { ProsecutionRequest } from '../prosecution.context.js';
import { prosecutionPolicy, type MlaSubject } from '../prosecution.policy.js';
import type { ProsecutionEntity } from './prosecution.entity.js';
import type { ProsecutionVerdict } from './prosecution.type.js';

/** Reads of prosecutions and what hangs off them, each behind the prosecution policy. */
export class ProsecutionService {
  constructor(private readonly request: ProsecutionRequest) {}

  get(id: string): Promise<ProsecutionEntity | null> {
    guard(this.request, prosecutionPolicy.stageAndVerdicts, undefined);
    return this.request.loaders.prosecutionById.load(assertId(id));
  }

  /** For `_entities` calls: the same rule as a direct read. */
  async reference(id: string): Promise<ProsecutionEntity | null> {
    guard(this.request, prosecutionPolicy.stageAndVerdicts, undefined);
    return this.request.loaders.prosecutionById.load(id);
  }

  byCase(caseId: string): Promise<ProsecutionEntity | null> {
    guard(this.request, prosecutionPolicy.stageAndVerdicts, undefined);
    return this.request.loaders.prosecutionByCase.load(caseId.toLowerCase());
  }

  async newest(first: number | null | undefined): Promise<ProsecutionEntity[]> {
    guard(this.request, prosecutionPolicy.stageAndVerdicts, undefined);
    const rows = await this.request.stores.prosecutions.newest(pageSize(first));
    // Prime the loader so nested references to these prosecutions cost nothing more.
    for (const row of rows) this.request.loaders.prosecutionById.prime(row.id, row);
    return rows;
  }

  /** A field of the public record beyond stage and verdicts (office, network, dates…): FORBIDDEN ROLE for IOM and partners. */
  publicRecord(): void {
    guard(this.request, prosecutionPolicy.publicRecord, undefined);
  }

  defendants(root: ProsecutionEntity) {
    guard(this.request, prosecutionPolicy.publicRecord, undefined);
    return this.request.loaders.defendantsByProsecution.load(root.id);
  }

  charges(root: DefendantEntity) {
    guard(this.request, prosecutionPolicy.publicRecord, undefined);
    return this.request.loaders.chargesByDefendant.load(root.id);
  }

  /** Every charge's decision, defendant by defendant in the order added, charges in the order filed. */
  async verdicts(root: ProsecutionEntity): Promise<ProsecutionVerdict[]> {
    guard(this.request, prosecutionPolicy.stageAndVerdicts, undefined);
    const defendants = await this.request.loaders.defendantsByProsecution.load(root.id);
    const charges = await this.request.loaders.chargesByDefendant.loadMany(defendants.map((defendant) => defendant.id));
    return charges.flatMap((list) => {
      if (list instanceof Error) throw list;
      return list.map((charge) => ({ chargeId: charge.id, verdict: charge.verdict, decidedAt: charge.decidedAt }));
    });
  }

  witnesses(root: ProsecutionEntity) {
    guard(this.request, prosecutionPolicy.witnesses, root, { entityType: 'Prosecution', entityId: root.id, field: 'witnesses' });
    return this.request.loaders.witnessesByProsecution.load(root.id);
  }

  /**
   * Witnesses who may be called to testify: their migrant's TESTIMONY consent is live. The consents
   * are asked of their owner, migrant assistance, by migrant id (a signed lookup batched per request
   * level; assistance applies its rule and logs each read), never taken from a caller's
   * representation nor matched by position.
   */
  async testifyingWitnesses(root: ProsecutionEntity) {
    guard(this.request, prosecutionPolicy.testifyingWitnesses, root, {
      entityType: 'Prosecution',
      entityId: root.id,
      field: 'testifyingWitnesses',
    });
    const witnesses = await this.request.loaders.witnessesByProsecution.load(root.id);
    const consents = await this.request.loaders.testimonyConsentByMigrant.loadMany(witnesses.map((witness) => witness.migrantId));
    return witnesses.filter((_witness, index) => {
      const consent = consents[index];
      if (consent instanceof Error) throw consent;
      return consent;
    });
  }

  /**
   * MLA requests are between two States (UNTOC Art. 18): a prosecutor of another State, or another
   * agency, is refused; the list leaves out each request the reader's State is not party to. Every
   * read, served or refused, is logged.
   */
  async mlaRequests(root: ProsecutionEntity) {
    const rule: FieldRule<MlaSubject> = prosecutionPolicy.mlaRequest;
    // Another agency is refused the list as a whole (decided on the agency before any request's States).
    if (!rule.agencies.includes(this.request.viewer.agency)) {
      guard(
        this.request,
        rule,
        { requestingCountry: '', requestedCountry: '' },
        { entityType: 'Prosecution', entityId: root.id, field: 'mlaRequests' },
      );
    }
    const requests = await this.request.loaders.mlaRequestsByProsecution.load(root.id);
    return requests.filter((request) =>
      permits(this.request, rule, request, { entityType: 'MlaRequest', entityId: request.id, field: 'content' }),
    );
  }

  async caseLaw(root: ProsecutionEntity) {
    guard(this.request, prosecutionPolicy.publicRecord, undefined);
    const links = await this.request.loaders.caseLawLinksByProsecution.load(root.id);
    return links.map((link) => link.caseLaw);
  }

  /** Case law ranked for a case: 2 per shared offence, 2 per shared aggravation, 1 for sea mode (every Tidelink case is by sea). */
  async relevantCaseLaw(offences: readonly Offence[], aggravations: readonly Aggravation[]) {
    guard(this.request, prosecutionPolicy.publicRecord, undefined);
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
    guard(this.request, prosecutionPolicy.publicRecord, undefined);
    return this.request.stores.caseLaw.all();
  }
}
