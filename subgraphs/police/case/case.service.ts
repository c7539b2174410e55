import type { EntityManager } from 'typeorm';
import { enforce, ForbiddenError } from '../../shared/access.js';
import { InvalidInputError } from '../../shared/errors.js';
import { assertTransition, assertVersion, createOnce, lockRow, truncateToMilliseconds, updateVersioned, presetId, type Preset, type Transitions } from '../../shared/mutation/mutation.js';
import { CaseStatus, HandlingCode } from '../enums.js';
import { SmugglingNetworkEntity } from '../network/network.entity.js';
import { OperationEntity } from '../operation/operation.entity.js';
import type { OpenCaseInput } from './case.input.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import type { IntelligenceItemEntity } from '../intelligence/intelligence.entity.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';
import { CaseEntity } from './case.entity.js';
import type { CaseCriteria } from './case.store.js';
import type { CaseConnection } from './case.type.js';

/** How a case may move (reopening a closed case, or returning a referred one for more investigation, is allowed). */
export const CASE_TRANSITIONS: Transitions<CaseStatus> = {
  [CaseStatus.OPEN]: [CaseStatus.UNDER_INVESTIGATION, CaseStatus.CLOSED],
  [CaseStatus.UNDER_INVESTIGATION]: [CaseStatus.REFERRED_FOR_PROSECUTION, CaseStatus.CLOSED],
  [CaseStatus.REFERRED_FOR_PROSECUTION]: [CaseStatus.UNDER_INVESTIGATION, CaseStatus.CLOSED],
  [CaseStatus.CLOSED]: [CaseStatus.UNDER_INVESTIGATION],
};

/** Reads and writes of cases and what hangs off them, each behind the police policy. */
export class CaseService {
  constructor(private readonly request: PoliceRequest) {}

  get(id: string): Promise<CaseEntity | null> {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.loaders.caseById.load(assertId(id));
  }

  /** For `_entities` calls from the other subgraphs' queries: the same rule as a direct read. */
  async reference(id: string) {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.loaders.caseById.load(id);
  }

  async list(criteria: CaseCriteria, first: number | null | undefined, after: string | null | undefined): Promise<CaseConnection> {
    enforce(policePolicy.caseRecord(this.request.viewer));
    const limit = pageSize(first);
    const position = after ? decodeCursor(after) : null;
    const rows = await this.request.stores.cases.page(criteria, position, limit + 1);
    const page = rows.slice(0, limit);
    // Prime the loader so nested references to these cases cost nothing more.
    for (const row of page) this.request.loaders.caseById.prime(row.id, row);
    const edges = page.map((node) => ({
      cursor: encodeCursor({ sortKey: node.openedAt.toISOString(), id: node.id }),
      node,
    }));
    return {
      nodes: page,
      edges,
      pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
      criteria,
    };
  }

  count(criteria: CaseCriteria): Promise<number> {
    enforce(policePolicy.caseRecord(this.request.viewer));
    return this.request.stores.cases.count(criteria);
  }

  detections(root: CaseEntity) {
    return this.request.loaders.detectionsByCase.load(root.id);
  }

  suspects(root: CaseEntity) {
    enforce(policePolicy.suspects(this.request.viewer));
    return this.request.loaders.suspectsByCase.load(root.id);
  }

  network(root: CaseEntity) {
    enforce(policePolicy.suspects(this.request.viewer));
    return root.networkId ? this.request.loaders.networkById.load(root.networkId) : null;
  }

  operation(root: CaseEntity) {
    return root.operationId ? this.request.loaders.operationById.load(root.operationId) : null;
  }

  /** Opens a case (police only), once per idempotency key. */
  async open(input: OpenCaseInput, idempotencyKey: string | null | undefined, preset?: Preset): Promise<CaseEntity | null> {
    enforce(policePolicy.write(this.request.viewer));
    const id = await createOnce(this.request, 'openCase', idempotencyKey, input, (manager) => this.insert(manager, input, preset));
    return this.request.loaders.caseById.load(id);
  }

  /** Inside the caller's transaction (also used when a detection opens its case). */
  async insert(manager: EntityManager, input: OpenCaseInput, preset?: Preset): Promise<string> {
    if (await this.request.stores.cases.referenceTaken(manager, input.reference)) {
      throw new InvalidInputError([{ field: 'reference', reasons: [`a case with reference ${input.reference} already exists`] }]);
    }
    const networkId = input.networkId ? assertId(input.networkId, 'networkId') : null;
    const operationId = input.operationId ? assertId(input.operationId, 'operationId') : null;
    if (networkId) await lockRow(manager, SmugglingNetworkEntity, 'network.lock', networkId, 'networkId');
    if (operationId) await lockRow(manager, OperationEntity, 'operation.lock', operationId, 'operationId');
    return this.request.stores.cases.insert(manager, {
      ...presetId(preset),
      reference: input.reference,
      status: CaseStatus.OPEN,
      leadCountry: input.leadCountry,
      openedAt: truncateToMilliseconds(input.openedAt ?? new Date()),
      offences: input.offences,
      aggravations: input.aggravations ?? [],
      summary: input.summary ?? '',
      networkId,
      operationId,
    });
  }

  /** Moves a case along CASE_TRANSITIONS, if the caller read its current version. */
  async advance(id: string, version: number, status: CaseStatus): Promise<CaseEntity | null> {
    enforce(policePolicy.write(this.request.viewer));
    const caseId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const row = await lockRow(manager, CaseEntity, 'case.lock', caseId, 'id');
      assertVersion(row, version);
      assertTransition('Case', CASE_TRANSITIONS, row.status, status);
      await updateVersioned(manager, CaseEntity, 'case.advance', caseId, version, { status });
    });
    // The request may have read the case before the change: read it afresh.
    return this.request.loaders.caseById.clear(caseId).load(caseId);
  }

  /**
   * What of the case's intelligence may serve in court: items released to the reader, minus H1 (not
   * for judicial proceedings without the source's permission), which are only counted. Items not
   * released to the reader are not mentioned at all.
   */
  async courtIntelligence(root: CaseEntity) {
    const { viewer, accessLog } = this.request;
    const decision = policePolicy.intelligence(viewer);
    if (!decision.allowed) {
      accessLog.record('Case', root.id, 'courtIntelligence', decision);
      throw new ForbiddenError(decision.reason);
    }
    const released = (await this.request.loaders.intelligenceByCase.load(root.id)).filter((item) => policePolicy.released(viewer, item));
    const usable = released.filter((item) => item.handlingCode !== HandlingCode.H1);
    for (const item of usable) accessLog.record('IntelligenceItem', item.id, 'content', decision);
    const h1 = released.length - usable.length;
    return {
      usable,
      withheld:
        h1 > 0
          ? [{ handlingCode: HandlingCode.H1, count: h1, reason: 'H1: not for judicial proceedings without the source\'s permission; ask the source National Central Bureau' }]
          : [],
    };
  }

  /**
   * The case's intelligence, item by item: an item the reader may not have is a null entry with its
   * reason. Every item read, served or withheld, is logged.
   */
  async intelligence(root: CaseEntity): Promise<Array<IntelligenceItemEntity | ForbiddenError>> {
    const { viewer, accessLog } = this.request;
    const decision = policePolicy.intelligence(viewer);
    if (!decision.allowed) {
      accessLog.record('Case', root.id, 'intelligence', decision);
      throw new ForbiddenError(decision.reason);
    }
    const items = await this.request.loaders.intelligenceByCase.load(root.id);
    return items.map((item) => {
      const itemDecision = policePolicy.intelligenceItem(viewer, item);
      accessLog.record('IntelligenceItem', item.id, 'content', itemDecision);
      return itemDecision.allowed ? item : new ForbiddenError(itemDecision.reason);
    });
  }
}
