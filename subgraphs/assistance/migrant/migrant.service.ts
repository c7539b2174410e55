import { randomBytes } from 'node:crypto';
import { enforce, ForbiddenError, type Decision } from '../../shared/access.js';
import { InvalidInputError } from '../../shared/errors.js';
import { assertVersion, createOnce, lockRow, presetId, truncateToMilliseconds, updateVersioned, type Preset } from '../../shared/mutation/mutation.js';
import { ConsentScope, TraffickingStatus } from '../enums.js';
import type { RecordScreeningInput, RegisterMigrantInput } from './migrant.input.js';
import { assertId } from '../../shared/pagination.js';
import type { AssistanceRequest } from '../assistance.context.js';
import { assistancePolicy } from '../assistance.policy.js';
import type { CaseMigrantCounts } from './migrant.store.js';
import { MigrantEntity } from './migrant.entity.js';

/** Reads of migrants and their records, each behind the assistance policy; gated reads are logged. */
export class MigrantService {
  constructor(private readonly request: AssistanceRequest) {}

  get(id: string) {
    enforce(assistancePolicy.migrantRecord(this.request.viewer));
    return this.request.loaders.migrantById.load(assertId(id));
  }

  /** For `_entities` calls (a witness's migrant, from prosecution): the same rule as a direct read. */
  async reference(id: string) {
    enforce(assistancePolicy.migrantRecord(this.request.viewer));
    return this.request.loaders.migrantById.load(id);
  }

  byCase(caseId: string) {
    enforce(assistancePolicy.migrantRecord(this.request.viewer));
    return this.request.loaders.migrantsByCase.load(assertId(caseId, 'caseId'));
  }

  async summary(caseId: string): Promise<Omit<CaseMigrantCounts, 'caseId'>> {
    enforce(assistancePolicy.caseSummary(this.request.viewer));
    const counts = await this.request.loaders.countsByCase.load(caseId);
    return counts ?? { migrants: 0, minors: 0, unaccompaniedMinors: 0, traffickingVictims: 0, possibleTraffickingVictims: 0 };
  }

  /** Registers a migrant (IOM only) with a pseudonymous code and, apart, the identity if given. */
  async register(input: RegisterMigrantInput, idempotencyKey: string | null | undefined, preset?: Preset) {
    enforce(assistancePolicy.write(this.request.viewer));
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
        ...presetId(preset),
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
          givenName: input.identity.givenName ?? null,
          familyName: input.identity.familyName ?? null,
          dateOfBirth: input.identity.dateOfBirth ? input.identity.dateOfBirth.toISOString().slice(0, 10) : null,
        });
      }
      return migrantId;
    });
    return this.request.loaders.migrantById.load(id);
  }

  /** Records a screening (IOM only); it becomes the migrant's current vulnerabilities and trafficking status. */
  async recordScreening(input: RecordScreeningInput, idempotencyKey: string | null | undefined, preset?: Preset) {
    enforce(assistancePolicy.write(this.request.viewer));
    const migrantId = assertId(input.migrantId, 'migrantId');
    const id = await createOnce(this.request, 'recordScreening', idempotencyKey, input, async (manager) => {
      const migrant = await lockRow(manager, MigrantEntity, 'migrant.lock', migrantId, 'migrantId');
      assertVersion(migrant, input.migrantVersion);
      const screeningId = await this.request.stores.screenings.insert(manager, {
        ...presetId(preset),
        migrantId,
        screenedAt: truncateToMilliseconds(input.screenedAt),
        screenedBy: input.screenedBy,
        vulnerabilities: input.vulnerabilities,
        traffickingStatus: input.traffickingStatus,
      });
      await updateVersioned(manager, MigrantEntity, 'migrant.screened', migrantId, input.migrantVersion, {
        vulnerabilities: input.vulnerabilities,
        traffickingStatus: input.traffickingStatus,
      });
      return screeningId;
    });
    const [screening] = await this.request.stores.screenings.byIds([id]);
    return screening;
  }

  async identity(root: MigrantEntity) {
    await this.consentGated(root, 'identity');
    return this.request.loaders.identityByMigrant.load(root.id);
  }

  async traffickingStatus(root: MigrantEntity) {
    await this.consentGated(root, 'traffickingStatus');
    return root.traffickingStatus;
  }

  /** True while a TESTIMONY consent is live. A withdrawal counts from the next request. */
  async testimonyConsent(root: MigrantEntity): Promise<boolean> {
    this.logged(root, 'testimonyConsent', assistancePolicy.testimonyConsent(this.request.viewer));
    const now = new Date();
    return (await this.request.loaders.consentsByMigrant.load(root.id)).some(
      (consent) => consent.scope === ConsentScope.TESTIMONY && consent.givenAt <= now && (consent.withdrawnAt === null || consent.withdrawnAt > now),
    );
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
    const { viewer } = this.request;
    const decision: Decision =
      viewer.agency === 'POLICE' || viewer.agency === 'PROSECUTOR'
        ? assistancePolicy.consentGated(viewer, await this.request.loaders.consentsByMigrant.load(root.id))
        : assistancePolicy.consentGated(viewer, []);
    this.logged(root, field, decision);
  }

  private protectedRecord(root: MigrantEntity, field: string): void {
    this.logged(root, field, assistancePolicy.protectedRecord(this.request.viewer));
  }

  private logged(root: MigrantEntity, field: string, decision: Decision): void {
    this.request.accessLog.record('Migrant', root.id, field, decision);
    if (!decision.allowed) throw new ForbiddenError(decision.reason);
  }
}
