import type { EntityManager } from 'typeorm';
import { guard, permits } from '../../shared/policy.js';
import { InvalidInputError } from '../../../platform/errors.js';
import {
  assertTransition,
  assertVersion,
  createOnce,
  lockRow,
  truncateToMilliseconds,
  updateVersioned,
  type Transitions,
} from '../../shared/mutation/mutation.js';
import { CaseStatus, HandlingCode, SharingScope } from '../enums.js';
import { SmugglingNetworkEntity } from '../network/network.entity.js';
import { OperationEntity } from '../operation/operation.entity.js';
import type { OpenCaseInput } from './case.input.js';
import { pageOf } from '../../shared/connection.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import type { IntelligenceItemEntity } from '../intelligence/intelligence.entity.js';
import type { PoliceCall } from '../police.call.js';
import { COUNTRY_BOUND, policePolicy, released as releasedTo } from '../police.policy.js';
import { CaseEntity } from './case.entity.js';
import type { CaseCriteria, ScopedCaseCriteria } from './case.store.js';
import type { CaseConnection } from './case.type.js';

/** How a case may move (reopening a closed case, or returning a referred one for more investigation, is allowed). */
export const CASE_TRANSITIONS: Transitions<CaseStatus> = {
  [CaseStatus.OPEN]: [CaseStatus.UNDER_INVESTIGATION, CaseStatus.CLOSED],
  [CaseStatus.UNDER_INVESTIGATION]: [CaseStatus.REFERRED_FOR_PROSECUTION, CaseStatus.CLOSED],
  [CaseStatus.REFERRED_FOR_PROSECUTION]: [CaseStatus.UNDER_INVESTIGATION, CaseStatus.CLOSED],
  [CaseStatus.CLOSED]: [CaseStatus.UNDER_INVESTIGATION],
};

/** NAMED names at most this many countries (the member countries of INTERPOL fit). */
const MAX_NAMED_COUNTRIES = 250;

/** Reads and writes of cases and what hangs off them, each behind the police policy. */
export class CaseService {
  constructor(private readonly request: PoliceCall) {}

  get(id: string): Promise<CaseEntity | null> {
    guard(this.request, policePolicy.caseHit, undefined);
    return this.request.loaders.caseById.load(assertId(id));
  }

  /** For `_entities` calls from the other subgraphs' queries: the same rule as a direct read (a hit when out of scope). */
  async reference(id: string) {
    guard(this.request, policePolicy.caseHit, undefined);
    return this.request.loaders.caseById.load(id);
  }

  /** The country whose releases bound this reader's lists (and searches); null for readers not bound to a country. */
  releasedTo(): string | null {
    const { viewer } = this.request;
    return COUNTRY_BOUND.includes(viewer.agency) ? viewer.country : null;
  }

  async list(filter: CaseCriteria, first: number | null | undefined, after: string | null | undefined): Promise<CaseConnection> {
    guard(this.request, policePolicy.caseHit, undefined);
    const criteria: ScopedCaseCriteria = { ...filter, releasedTo: this.releasedTo() };
    const limit = pageSize(first);
    const position = after ? decodeCursor(after) : null;
    const rows = await this.request.stores.cases.page(criteria, position, limit + 1);
    // Prime the loader so nested references to these cases cost nothing more.
    for (const row of rows) this.request.loaders.caseById.prime(row.id, row);
    // The count carries the reader's scope: cases not released to them (unless listed as hits) are not counted.
    return pageOf(
      rows,
      limit,
      (node) => encodeCursor({ sortKey: node.openedAt.toISOString(), id: node.id }),
      () => this.count(criteria),
    );
  }

  /** Counts exactly what the same criteria list (they carry the reader's scope). */
  count(criteria: ScopedCaseCriteria): Promise<number> {
    guard(this.request, policePolicy.caseHit, undefined);
    return this.request.stores.cases.count(criteria);
  }

  /** Whether the reader gets the whole case (false: a hit only). */
  releasable(root: CaseEntity): boolean {
    return permits(this.request, policePolicy.caseRecord, root);
  }

  /** A field of the case record: null with NOT_RELEASABLE outside the owner's scope. */
  field<Field extends 'status' | 'leadCountry' | 'openedAt' | 'offences' | 'aggravations' | 'summary' | 'version' | 'sharingScope'>(
    root: CaseEntity,
    field: Field,
  ): CaseEntity[Field] {
    guard(this.request, policePolicy.caseRecord, root);
    return root[field];
  }

  /** Who may read the case besides the owner; null for ALL (every member country). */
  releasableTo(root: CaseEntity): string[] | null {
    guard(this.request, policePolicy.caseRecord, root);
    return root.sharingScope === SharingScope.ALL ? null : root.releasableTo;
  }

  detections(root: CaseEntity) {
    guard(this.request, policePolicy.caseRecord, root);
    return this.request.loaders.detectionsByCase.load(root.id);
  }

  suspects(root: CaseEntity) {
    guard(this.request, policePolicy.suspects, root);
    return this.request.loaders.suspectsByCase.load(root.id);
  }

  network(root: CaseEntity) {
    guard(this.request, policePolicy.suspects, root);
    return root.networkId ? this.request.loaders.networkById.load(root.networkId) : null;
  }

  operation(root: CaseEntity) {
    guard(this.request, policePolicy.caseRecord, root);
    guard(this.request, policePolicy.operations, undefined);
    return root.operationId ? this.request.loaders.operationById.load(root.operationId) : null;
  }

  /** Opens a case (police only), once per idempotency key; the caller's country owns it. */
  async open(input: OpenCaseInput, idempotencyKey: string | null | undefined): Promise<CaseEntity | null> {
    guard(this.request, policePolicy.policeWrite, undefined);
    const id = await createOnce(this.request, 'openCase', idempotencyKey, input, (manager) => this.insert(manager, input));
    return this.request.loaders.caseById.load(id);
  }

  /** Inside the caller's transaction (also used when a detection opens its case, which refreshes releasable_to after). */
  async insert(manager: EntityManager, input: OpenCaseInput): Promise<string> {
    if (await this.request.stores.cases.referenceTaken(manager, input.reference)) {
      throw new InvalidInputError([{ field: 'reference', reasons: [`a case with reference ${input.reference} already exists`] }]);
    }
    const networkId = input.networkId ? assertId(input.networkId, 'networkId') : null;
    const operationId = input.operationId ? assertId(input.operationId, 'operationId') : null;
    if (networkId) await lockRow(manager, SmugglingNetworkEntity, 'network.lock', networkId, 'networkId');
    if (operationId) await lockRow(manager, OperationEntity, 'operation.lock', operationId, 'operationId');
    const id = await this.request.stores.cases.insert(manager, {
      id: this.request.recordIds.next('case'),
      reference: input.reference,
      status: CaseStatus.OPEN,
      leadCountry: input.leadCountry,
      // The bureau that records the case owns it: never an argument.
      ownerCountry: this.request.viewer.country,
      sharingScope: SharingScope.INVOLVED,
      namedCountries: [],
      releasableTo: [...new Set([this.request.viewer.country, input.leadCountry])].sort(),
      openedAt: truncateToMilliseconds(input.openedAt ?? new Date()),
      offences: input.offences,
      aggravations: input.aggravations ?? [],
      summary: input.summary ?? '',
      networkId,
      operationId,
    });
    await this.request.stores.cases.refreshReleasable(manager, id);
    return id;
  }

  /**
   * Locks a case for a change by its owner: police of another country are refused NOT_RELEASABLE
   * (other agencies ROLE, before anything is read).
   */
  async lockForOwner(manager: EntityManager, caseId: string, field: string): Promise<CaseEntity> {
    guard(this.request, policePolicy.policeWrite, undefined);
    const row = await lockRow(manager, CaseEntity, 'case.lock', caseId, field);
    guard(this.request, policePolicy.caseWrite, row);
    return row;
  }

  /** Moves a case along CASE_TRANSITIONS, if the caller read its current version (the owner only). */
  async advance(id: string, version: number, status: CaseStatus): Promise<CaseEntity | null> {
    guard(this.request, policePolicy.policeWrite, undefined);
    const caseId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const row = await this.lockForOwner(manager, caseId, 'id');
      assertVersion(row, version);
      assertTransition('Case', CASE_TRANSITIONS, row.status, status);
      await updateVersioned(manager, CaseEntity, 'case.advance', caseId, version, { status });
    });
    // The request may have read the case before the change: read it afresh.
    return this.request.loaders.caseById.clear(caseId).load(caseId);
  }

  /**
   * The owner widens or narrows who may read the case. Countries only with NAMED (at least one);
   * takes effect at once for every reader, lists included.
   */
  async setSharing(id: string, version: number, scope: SharingScope, countries: string[] | null | undefined): Promise<CaseEntity | null> {
    guard(this.request, policePolicy.policeWrite, undefined);
    const caseId = assertId(id);
    const named = [...new Set(countries ?? [])].sort();
    if (scope === SharingScope.NAMED && named.length === 0) {
      throw new InvalidInputError([{ field: 'countries', reasons: ['NAMED needs at least one country (for the owner alone use OWNER)'] }]);
    }
    if (scope !== SharingScope.NAMED && named.length > 0) {
      throw new InvalidInputError([
        { field: 'countries', reasons: [`countries are given only with NAMED; ${scope} decides its countries itself`] },
      ]);
    }
    if (named.length > MAX_NAMED_COUNTRIES) {
      throw new InvalidInputError([{ field: 'countries', reasons: [`at most ${MAX_NAMED_COUNTRIES} countries`] }]);
    }
    await this.request.dataSource.transaction(async (manager) => {
      const row = await this.lockForOwner(manager, caseId, 'id');
      assertVersion(row, version);
      await updateVersioned(manager, CaseEntity, 'case.setSharing', caseId, version, { sharingScope: scope, namedCountries: named });
      await this.request.stores.cases.refreshReleasable(manager, caseId);
    });
    return this.request.loaders.caseById.clear(caseId).load(caseId);
  }

  /**
   * What of the case's intelligence may serve in court: items released to the reader, minus H1 (not
   * for judicial proceedings without the source's permission), which are only counted. Items not
   * released to the reader are not mentioned at all.
   */
  async courtIntelligence(root: CaseEntity) {
    const { viewer, accessLog } = this.request;
    const decision = guard(this.request, policePolicy.intelligence, root, {
      entityType: 'Case',
      entityId: root.id,
      field: 'courtIntelligence',
    });
    const released = (await this.request.loaders.intelligenceByCase.load(root.id)).filter((item) => releasedTo(viewer, item));
    const usable = released.filter((item) => item.handlingCode !== HandlingCode.H1);
    for (const item of usable) accessLog.record('IntelligenceItem', item.id, 'content', decision);
    const h1 = released.length - usable.length;
    return {
      usable,
      withheld:
        h1 > 0
          ? [
              {
                handlingCode: HandlingCode.H1,
                count: h1,
                reason: "H1: not for judicial proceedings without the source's permission; ask the source National Central Bureau",
              },
            ]
          : [],
    };
  }

  /**
   * The case's intelligence the reader may have. An item withheld from them (not released to their
   * country, or H1 for a prosecutor) is left out: a null entry would tell that it exists. Every item
   * read, served or withheld, is logged.
   */
  async intelligence(root: CaseEntity): Promise<IntelligenceItemEntity[]> {
    guard(this.request, policePolicy.intelligence, root, { entityType: 'Case', entityId: root.id, field: 'intelligence' });
    const items = await this.request.loaders.intelligenceByCase.load(root.id);
    return items.filter((item) =>
      permits(this.request, policePolicy.intelligenceItem, item, { entityType: 'IntelligenceItem', entityId: item.id, field: 'content' }),
    );
  }
}
