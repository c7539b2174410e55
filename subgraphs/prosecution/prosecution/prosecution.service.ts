import { InvalidInputError } from '../../../platform/errors.js';
import {
  assertTransition,
  assertVersion,
  createOnce,
  truncateToMilliseconds,
  updateVersioned,
  type Transitions,
} from '../../shared/mutation/mutation.js';
import type { Aggravation, Offence } from '../../shared/offence.js';
import { pageOf, type Page } from '../../shared/connection.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import { guard, permits, type FieldRule } from '../../shared/policy.js';
import type { DefendantEntity } from '../defendant/defendant.entity.js';
import { ProsecutionStage } from '../enums.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { prosecutionPolicy, type MlaSubject } from '../prosecution.policy.js';
import { ProsecutionEntity } from './prosecution.entity.js';
import { lockProsecution, ownCountry } from './prosecution.guard.js';
import type { OpenProsecutionInput } from './prosecution.input.js';
import type { ProsecutionVerdict } from './prosecution.type.js';

export const STAGE_TRANSITIONS: Transitions<ProsecutionStage> = {
  [ProsecutionStage.INVESTIGATION]: [ProsecutionStage.INDICTMENT, ProsecutionStage.FINAL],
  [ProsecutionStage.INDICTMENT]: [ProsecutionStage.TRIAL, ProsecutionStage.FINAL],
  [ProsecutionStage.TRIAL]: [ProsecutionStage.APPEAL, ProsecutionStage.FINAL],
  [ProsecutionStage.APPEAL]: [ProsecutionStage.FINAL],
  [ProsecutionStage.FINAL]: [],
};

/** Stages a prosecution may be opened at: proceedings start before trial (a verdict needs a trial on record). */
const OPENING_STAGES: readonly ProsecutionStage[] = [ProsecutionStage.INVESTIGATION, ProsecutionStage.INDICTMENT];

/**
 * Prosecutions and what hangs off them: every read behind the prosecution policy; the writes
 * (opening, moving the stage) in one transaction, idempotent or versioned. A reference to another
 * agency's record is checked with its owner (one signed lookup, before the transaction opens).
 */
export class ProsecutionService {
  constructor(private readonly request: ProsecutionCall) {}

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

  /**
   * A page of prosecutions, newest first. Every reader of the list sees every prosecution (its stage
   * and verdicts are public record), so the count is of them all: it hides nothing the list shows.
   */
  async page(first: number | null | undefined, after: string | null | undefined): Promise<Page<ProsecutionEntity>> {
    guard(this.request, prosecutionPolicy.stageAndVerdicts, undefined);
    const limit = pageSize(first);
    const { prosecutions } = this.request.stores;
    const rows = await prosecutions.page(after ? decodeCursor(after) : null, limit + 1);
    for (const row of rows) this.request.loaders.prosecutionById.prime(row.id, row);
    return pageOf(
      rows,
      limit,
      (row) => encodeCursor({ sortKey: row.openedAt.toISOString(), id: row.id }),
      () => prosecutions.count(),
    );
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

  /** Opens proceedings on a police case referred for prosecution, in the caller's own jurisdiction; one per case. */
  async open(input: OpenProsecutionInput, key: string | null | undefined) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const caseId = assertId(input.caseId, 'caseId');
    const jurisdiction = ownCountry(this.request, input.jurisdiction, 'jurisdiction', 'the jurisdiction');
    const stage = input.stage ?? ProsecutionStage.INVESTIGATION;
    if (!OPENING_STAGES.includes(stage)) {
      throw new InvalidInputError([
        { field: 'stage', reasons: [`a prosecution opens at ${OPENING_STAGES.join(' or ')}, not ${stage}; advance it afterwards`] },
      ]);
    }
    if (this.request.references) {
      const found = (await this.request.references.lookup('case', [caseId]))[caseId];
      if (!found) throw new InvalidInputError([{ field: 'caseId', reasons: ['no police case with this id (or none you may see)'] }]);
      if (found.status !== 'REFERRED_FOR_PROSECUTION') {
        throw new InvalidInputError([
          { field: 'caseId', reasons: [`the case is ${found.status}: a prosecution opens only on a case REFERRED_FOR_PROSECUTION`] },
        ]);
      }
    }
    const stores = this.request.stores;
    const id = await createOnce(this.request, 'openProsecution', key, input, async (manager) => {
      // One set of proceedings per case; the case's lock serialises concurrent openings of it.
      await stores.prosecutions.lockCase(manager, caseId);
      if ((await stores.prosecutions.earliestByCaseIds([caseId], manager)).length > 0) {
        throw new InvalidInputError([{ field: 'caseId', reasons: ['this case already has a prosecution'] }]);
      }
      return stores.prosecutions.insert(manager, {
        id: this.request.recordIds.next('prosecution'),
        caseId,
        stage,
        jurisdiction,
        prosecutorOffice: input.prosecutorOffice,
        network: input.network,
        openedAt: truncateToMilliseconds(input.openedAt ?? new Date()),
      });
    });
    return this.request.loaders.prosecutionById.load(id);
  }

  /** Moves the proceedings along STAGE_TRANSITIONS (their jurisdiction's prosecutors only). */
  async advanceStage(id: string, version: number, stage: ProsecutionStage) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const prosecutionId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const row = await lockProsecution(manager, prosecutionId, 'id');
      guard(this.request, prosecutionPolicy.write, row);
      assertVersion(row, version);
      assertTransition('Prosecution', STAGE_TRANSITIONS, row.stage, stage);
      await updateVersioned(manager, ProsecutionEntity, 'prosecution.advance', prosecutionId, version, { stage });
    });
    // The request may have read the prosecution before the change: read it afresh.
    return this.request.loaders.prosecutionById.clear(prosecutionId).load(prosecutionId);
  }
}
