import { InvalidInputError, type FieldProblem } from '../../../platform/errors.js';
import { assertVersion, createOnce, lockRow, truncateToMilliseconds, updateVersioned } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import type { AssistanceCall } from '../assistance.call.js';
import { guard } from '../../shared/policy.js';
import { assistancePolicy, RECIPIENTS_OF_SCOPE } from '../assistance.policy.js';
import { MigrantEntity } from '../migrant/migrant.entity.js';
import type { RecordConsentInput } from './consent.input.js';
import { ConsentEntity } from './consent.entity.js';

/** Consents are IOM's to record and withdraw; a withdrawal takes effect on the next request. */
export class ConsentService {
  constructor(private readonly request: AssistanceCall) {}

  async record(input: RecordConsentInput, idempotencyKey: string | null | undefined) {
    guard(this.request, assistancePolicy.write, undefined);
    const migrantId = assertId(input.migrantId, 'migrantId');
    const givenAt = truncateToMilliseconds(input.givenAt ?? new Date());
    const expiresAt = input.expiresAt ? truncateToMilliseconds(input.expiresAt) : null;
    const problems: FieldProblem[] = [];
    const recipients = RECIPIENTS_OF_SCOPE[input.scope];
    if (!recipients.includes(input.recipientAgency)) {
      problems.push({ field: 'recipientAgency', reasons: [`a ${input.scope} consent names one of ${recipients.join(', ')}`] });
    }
    if (expiresAt && expiresAt <= givenAt) problems.push({ field: 'expiresAt', reasons: ['must be after givenAt'] });
    if (problems.length > 0) throw new InvalidInputError(problems);
    const recipientCountry = input.recipientCountry ?? null;
    const id = await createOnce(this.request, 'recordConsent', idempotencyKey, input, async (manager) => {
      await lockRow(manager, MigrantEntity, 'migrant.lock', migrantId, 'migrantId');
      return this.request.stores.consents.insert(manager, {
        id: this.request.recordIds.next('consent'),
        migrantId,
        scope: input.scope,
        recipientAgency: input.recipientAgency,
        recipientCountry,
        recipient:
          input.recipient ??
          (recipientCountry ? `${input.recipientAgency} (${recipientCountry})` : `${input.recipientAgency} (any country)`),
        purpose: input.purpose,
        givenAt,
        expiresAt,
        withdrawnAt: null,
      });
    });
    const [consent] = await this.request.stores.consents.byIds([id]);
    return consent;
  }

  async withdraw(id: string, version: number) {
    guard(this.request, assistancePolicy.write, undefined);
    const consentId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const consent = await lockRow(manager, ConsentEntity, 'consent.lock', consentId, 'id');
      assertVersion(consent, version);
      if (consent.withdrawnAt) throw new InvalidInputError([{ field: 'id', reasons: ['this consent is already withdrawn'] }]);
      await updateVersioned(manager, ConsentEntity, 'consent.withdraw', consentId, version, {
        withdrawnAt: truncateToMilliseconds(new Date()),
      });
    });
    const [consent] = await this.request.stores.consents.byIds([consentId]);
    return consent;
  }
}
