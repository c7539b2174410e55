import { enforce, ForbiddenError, type Decision } from '../../shared/access.js';
import { assertId } from '../../shared/pagination.js';
import type { AssistanceRequest } from '../assistance.context.js';
import { assistancePolicy } from '../assistance.policy.js';
import type { CaseMigrantCounts } from './migrant.store.js';
import type { MigrantEntity } from './migrant.entity.js';

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

  async identity(root: MigrantEntity) {
    await this.consentGated(root, 'identity');
    return this.request.loaders.identityByMigrant.load(root.id);
  }

  async traffickingStatus(root: MigrantEntity) {
    await this.consentGated(root, 'traffickingStatus');
    return root.traffickingStatus;
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
