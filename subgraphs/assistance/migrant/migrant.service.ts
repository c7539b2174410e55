import { randomBytes } from 'node:crypto';
import { ForbiddenError, InvalidInputError } from '../../../platform/errors.js';
import { createOnce, truncateToMilliseconds } from '../../shared/mutation/mutation.js';
import { suppressCounts } from '../../shared/statistics/suppression.js';
import { AgeGroup, ConsentScope, TraffickingStatus, Vulnerability } from '../enums.js';
import type { RegisterMigrantInput } from './migrant.input.js';
import { pageOf, type Page } from '../../shared/connection.js';
import { assertId, decodeCursor, encodeCursor, pageSize } from '../../shared/pagination.js';
import type { AssistanceCall } from '../assistance.call.js';
import { deny, guard, permits } from '../../shared/policy.js';
import { assistancePolicy, consentNames, isLive } from '../assistance.policy.js';
import type { MigrantEntity } from './migrant.entity.js';

/** Readers whose view of a police case is bound by its owner's release (as in police's policy). */
const COUNTRY_BOUND: readonly string[] = ['POLICE', 'PROSECUTOR'];

/** Reads of migrants and their records, each behind the assistance policy; gated reads are logged. */
export class MigrantService {
  constructor(private readonly request: AssistanceCall) {}

  /**
   * One migrant: IOM's own record, under IOM's rules (consent opens its identity to the recipient it
   * names, whatever the case's release); the case and detection it points to stay police's to withhold.
   */
  get(id: string) {
    guard(this.request, assistancePolicy.migrantRecord, undefined);
    return this.request.loaders.migrantById.load(assertId(id));
  }

  /** For `_entities` calls (a witness's migrant, from prosecution): the same rule as a direct read. */
  async reference(id: string) {
    guard(this.request, assistancePolicy.migrantRecord, undefined);
    return this.request.loaders.migrantById.load(id);
  }

  async byCase(caseId: string) {
    guard(this.request, assistancePolicy.migrantRecord, undefined);
    const id = assertId(caseId, 'caseId');
    await this.assertCaseReleased(id, 'Case', id, 'migrants');
    return this.request.loaders.migrantsByCase.load(id);
  }

  /**
   * A case's migrants, listed or counted, are a view of the case, which its police owner releases: a
   * country-bound reader (police, prosecutors) outside the release gets them as it gets the case, a
   * hit, NOT_RELEASABLE (logged), not how many migrants it holds, their codes or nationalities (what
   * police withholds as persons on board would leak here otherwise). IOM reads across countries.
   */
  private async assertCaseReleased(caseId: string, entityType: string, entityId: string, field: string): Promise<void> {
    if (!COUNTRY_BOUND.includes(this.request.viewer.agency)) return;
    if (await this.request.loaders.caseReleased.load(caseId)) return;
    this.request.accessLog.record(entityType, entityId, field, deny('NOT_RELEASABLE'));
    throw ForbiddenError.of('NOT_RELEASABLE');
  }

  /**
   * A page of a case's migrants, by code. Whoever may list them sees each one's code, so the count
   * is of the case's migrants: it hides nothing the pages show.
   */
  async pageOfCase(caseId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<MigrantEntity>> {
    guard(this.request, assistancePolicy.migrantRecord, undefined);
    const id = assertId(caseId, 'caseId');
    await this.assertCaseReleased(id, 'Case', id, 'migrants');
    const limit = pageSize(first);
    const { migrants } = this.request.stores;
    const rows = await migrants.pageOfCase(id, after ? decodeCursor(after, 'after', 'text') : null, limit + 1);
    for (const row of rows) this.request.loaders.migrantById.prime(row.id, row);
    return pageOf(
      rows,
      limit,
      (row) => encodeCursor({ sortKey: row.code, id: row.id }),
      () => migrants.countOfCase(id),
    );
  }

  /**
   * Counts of a case's migrants. Migrants and minors are exact (code and age group are open to every
   * reader of the summary). Trafficking status and unaccompanied minors are exact over the migrants
   * whose field the reader may see one by one, and over the others (whose number the reader knows)
   * k-anonymous with complementary suppression: a count that would reveal anyone is null.
   */
  async summary(caseId: string): Promise<AssistanceSummaryCounts> {
    await this.assertCaseReleased(caseId, 'Case', caseId, 'assistanceSummary');
    guard(this.request, assistancePolicy.caseSummary, undefined, { entityType: 'Case', entityId: caseId, field: 'assistanceSummary' });
    const migrants = await this.request.loaders.migrantsByCase.load(caseId);
    const { viewer, kAnonymity: k } = this.request;
    const statusVisible = await Promise.all(
      migrants.map(async (migrant) =>
        viewer.agency === 'IOM'
          ? true
          : permits(this.request, assistancePolicy.consentGated, await this.request.loaders.consentsByMigrant.load(migrant.id)),
      ),
    );
    const vulnerabilitiesVisible = permits(this.request, assistancePolicy.protectedRecord, undefined);
    const seen = migrants.filter((_, index) => statusVisible[index]);
    const unseen = migrants.filter((_, index) => !statusVisible[index]);
    const status = (group: MigrantEntity[], value: TraffickingStatus) =>
      group.filter((migrant) => migrant.traffickingStatus === value).length;
    const hiddenStatus =
      unseen.length === 0
        ? { traffickingVictims: 0, possibleTraffickingVictims: 0 }
        : suppressCounts(
            {
              traffickingVictims: status(unseen, TraffickingStatus.CONFIRMED),
              possibleTraffickingVictims: status(unseen, TraffickingStatus.POSSIBLE),
            },
            unseen.length - status(unseen, TraffickingStatus.CONFIRMED) - status(unseen, TraffickingStatus.POSSIBLE),
            k,
          );
    const isMinor = (migrant: MigrantEntity) => migrant.ageGroup === AgeGroup.AGE_0_8 || migrant.ageGroup === AgeGroup.AGE_9_17;
    const isUnaccompanied = (migrant: MigrantEntity) => migrant.vulnerabilities.includes(Vulnerability.UNACCOMPANIED_CHILD);
    const unaccompanied = migrants.filter(isUnaccompanied).length;
    // The reader also knows the minors one by one: the minors not unaccompanied must not be a small group either.
    const accompaniedMinors = migrants.filter((migrant) => isMinor(migrant) && !isUnaccompanied(migrant)).length;
    const hiddenUnaccompanied = suppressCounts(
      { unaccompaniedMinors: unaccompanied },
      migrants.length - unaccompanied,
      k,
    ).unaccompaniedMinors;
    const withSeen = (hidden: number | null, visible: number) => (hidden === null ? null : hidden + visible);
    return {
      migrants: migrants.length,
      minors: migrants.filter(isMinor).length,
      unaccompaniedMinors:
        vulnerabilitiesVisible || migrants.length === 0
          ? unaccompanied
          : accompaniedMinors > 0 && accompaniedMinors < k
            ? null
            : hiddenUnaccompanied,
      traffickingVictims: withSeen(hiddenStatus.traffickingVictims, status(seen, TraffickingStatus.CONFIRMED)),
      possibleTraffickingVictims: withSeen(hiddenStatus.possibleTraffickingVictims, status(seen, TraffickingStatus.POSSIBLE)),
      k,
    };
  }

  /** Registers a migrant (IOM only) with a pseudonymous code and, apart, the identity if given. */
  async register(input: RegisterMigrantInput, idempotencyKey: string | null | undefined) {
    guard(this.request, assistancePolicy.write, undefined);
    const caseId = assertId(input.caseId, 'caseId');
    const detectionId = input.detectionId ? assertId(input.detectionId, 'detectionId') : null;
    // The case is police's: checked with its owner (one signed lookup) before the transaction opens.
    if (this.request.references && !(await this.request.references.lookup('case', [caseId]))[caseId]) {
      throw new InvalidInputError([{ field: 'caseId', reasons: ['no police case with this id (or none you may see)'] }]);
    }
    const id = await createOnce(this.request, 'registerMigrant', idempotencyKey, input, async (manager) => {
      const code = input.code ?? `MG-${randomBytes(5).toString('hex').toUpperCase()}`;
      if (await this.request.stores.migrants.codeTaken(manager, code)) {
        throw new InvalidInputError([{ field: 'code', reasons: [`code ${code} is already in use`] }]);
      }
      const migrantId = await this.request.stores.migrants.insert(manager, {
        id: this.request.recordIds.next('migrant'),
        caseId,
        detectionId,
        code,
        sex: input.sex,
        ageGroup: input.ageGroup,
        nationality: input.nationality ?? null,
        vulnerabilities: [],
        traffickingStatus: TraffickingStatus.NOT_ASSESSED,
        registeredAt: truncateToMilliseconds(input.registeredAt ?? new Date()),
      });
      if (input.identity) {
        await this.request.stores.identities.insert(manager, {
          migrantId,
          givenName: input.identity.givenName?.trim() ?? null,
          familyName: input.identity.familyName?.trim() ?? null,
          dateOfBirth: input.identity.dateOfBirth ? input.identity.dateOfBirth.toISOString().slice(0, 10) : null,
        });
      }
      return migrantId;
    });
    return this.request.loaders.migrantById.load(id);
  }

  async identity(root: MigrantEntity) {
    await this.consentGated(root, 'identity');
    return this.request.loaders.identityByMigrant.load(root.id);
  }

  async traffickingStatus(root: MigrantEntity) {
    await this.consentGated(root, 'traffickingStatus');
    return root.traffickingStatus;
  }

  /**
   * For a prosecutor: true while a live TESTIMONY consent names their agency and country (or any
   * country), the same recipient rule as the identity. For IOM: any live TESTIMONY consent.
   */
  async testimonyConsent(root: MigrantEntity): Promise<boolean> {
    guard(this.request, assistancePolicy.testimonyConsent, undefined, {
      entityType: 'Migrant',
      entityId: root.id,
      field: 'testimonyConsent',
    });
    const consents = await this.request.loaders.consentsByMigrant.load(root.id);
    if (this.request.viewer.agency === 'IOM')
      return consents.some((consent) => consent.scope === ConsentScope.TESTIMONY && isLive(consent, new Date()));
    return consentNames(this.request.viewer, consents, [ConsentScope.TESTIMONY]);
  }

  vulnerabilities(root: MigrantEntity) {
    this.protectedRecord(root, 'vulnerabilities');
    return root.vulnerabilities;
  }

  screenings(root: MigrantEntity) {
    this.protectedRecord(root, 'screenings');
    return this.request.loaders.screeningsByMigrant.load(root.id);
  }

  assistance(root: MigrantEntity) {
    this.protectedRecord(root, 'assistance');
    return this.request.loaders.assistanceByMigrant.load(root.id);
  }

  consents(root: MigrantEntity) {
    this.protectedRecord(root, 'consents');
    return this.request.loaders.consentsByMigrant.load(root.id);
  }

  /** Decided on this request's own read of the consents: a withdrawal counts from the next request. */
  private async consentGated(root: MigrantEntity, field: string): Promise<void> {
    const consents =
      this.request.viewer.agency === 'POLICE' || this.request.viewer.agency === 'PROSECUTOR'
        ? await this.request.loaders.consentsByMigrant.load(root.id)
        : [];
    guard(this.request, assistancePolicy.consentGated, consents, { entityType: 'Migrant', entityId: root.id, field });
  }

  private protectedRecord(root: MigrantEntity, field: string): void {
    guard(this.request, assistancePolicy.protectedRecord, undefined, { entityType: 'Migrant', entityId: root.id, field });
  }
}

/** What `Case.assistanceSummary` gives: null where a count would reveal someone. */
export interface AssistanceSummaryCounts {
  migrants: number;
  minors: number;
  unaccompaniedMinors: number | null;
  traffickingVictims: number | null;
  possibleTraffickingVictims: number | null;
  k: number;
}
