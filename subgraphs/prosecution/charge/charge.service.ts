import { InvalidInputError, NotFoundError, type FieldProblem } from '../../../platform/errors.js';
import { assertVersion, createOnce, lockRow, truncateToMilliseconds, updateVersioned } from '../../shared/mutation/mutation.js';
import { Offence } from '../../shared/offence.js';
import { assertId } from '../../shared/pagination.js';
import { guard } from '../../shared/policy.js';
import { DefendantEntity } from '../defendant/defendant.entity.js';
import { LegalBasis, Verdict } from '../enums.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { prosecutionPolicy } from '../prosecution.policy.js';
import { writableDefendant } from '../prosecution/prosecution.guard.js';
import { ChargeEntity } from './charge.entity.js';
import type { FileChargeInput, RecordVerdictInput } from './charge.input.js';

/** Which provisions can ground each offence (NATIONAL_LAW always can). */
export const LEGAL_BASES: Record<Offence, readonly LegalBasis[]> = {
  [Offence.SMUGGLING_OF_MIGRANTS]: [
    LegalBasis.SOM_6_1_A,
    LegalBasis.SOM_6_2,
    LegalBasis.SOM_6_3_A,
    LegalBasis.SOM_6_3_B,
    LegalBasis.NATIONAL_LAW,
  ],
  [Offence.DOCUMENT_FRAUD]: [LegalBasis.SOM_6_1_B, LegalBasis.SOM_6_2, LegalBasis.NATIONAL_LAW],
  [Offence.ENABLING_ILLEGAL_STAY]: [LegalBasis.SOM_6_1_C, LegalBasis.SOM_6_2, LegalBasis.NATIONAL_LAW],
  [Offence.TRAFFICKING_IN_PERSONS]: [LegalBasis.TIP_5, LegalBasis.NATIONAL_LAW],
  [Offence.PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP]: [LegalBasis.UNTOC_5, LegalBasis.NATIONAL_LAW],
  [Offence.MONEY_LAUNDERING]: [LegalBasis.UNTOC_6, LegalBasis.NATIONAL_LAW],
};

/** Charges against a defendant and the court's decision on each, written by the prosecution's jurisdiction. */
export class ChargeService {
  constructor(private readonly request: ProsecutionCall) {}

  async file(input: FileChargeInput, key: string | null | undefined) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const defendantId = assertId(input.defendantId, 'defendantId');
    if (!LEGAL_BASES[input.offence].includes(input.legalBasis)) {
      throw new InvalidInputError([
        {
          field: 'legalBasis',
          reasons: [`${input.legalBasis} cannot ground ${input.offence}; use one of ${LEGAL_BASES[input.offence].join(', ')}`],
        },
      ]);
    }
    await writableDefendant(this.request, defendantId, 'defendantId');
    const stores = this.request.stores;
    const id = await createOnce(this.request, 'fileCharge', key, input, async (manager) => {
      await lockRow(manager, DefendantEntity, 'defendant.lock', defendantId, 'defendantId');
      return stores.charges.insert(manager, {
        id: this.request.recordIds.next('charge'),
        defendantId,
        offence: input.offence,
        legalBasis: input.legalBasis,
        verdict: Verdict.PENDING,
        sentenceMonths: null,
        filedAt: truncateToMilliseconds(new Date()),
        decidedAt: null,
      });
    });
    const [charge] = await stores.charges.byIds([id]);
    return charge;
  }

  async recordVerdict(input: RecordVerdictInput) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const chargeId = assertId(input.chargeId, 'chargeId');
    const problems: FieldProblem[] = [];
    if (input.verdict === Verdict.PENDING) problems.push({ field: 'verdict', reasons: ['a verdict cannot be PENDING'] });
    if (input.sentenceMonths !== null && input.sentenceMonths !== undefined && input.verdict !== Verdict.GUILTY) {
      problems.push({ field: 'sentenceMonths', reasons: ['a sentence goes only with a GUILTY verdict'] });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    const stores = this.request.stores;
    const [known] = await stores.charges.byIds([chargeId]);
    if (!known) throw new NotFoundError('Charge', 'chargeId');
    await writableDefendant(this.request, known.defendantId, 'chargeId');
    await this.request.dataSource.transaction(async (manager) => {
      const charge = await lockRow(manager, ChargeEntity, 'charge.lock', chargeId, 'chargeId');
      assertVersion(charge, input.version);
      if (charge.verdict !== Verdict.PENDING) {
        throw new InvalidInputError([{ field: 'chargeId', reasons: [`this charge was already decided (${charge.verdict})`] }]);
      }
      const decidedAt = truncateToMilliseconds(input.decidedAt ?? new Date());
      if (decidedAt < charge.filedAt)
        throw new InvalidInputError([{ field: 'decidedAt', reasons: ['decidedAt must not be before the charge was filed'] }]);
      await updateVersioned(manager, ChargeEntity, 'charge.verdict', chargeId, input.version, {
        verdict: input.verdict,
        sentenceMonths: input.sentenceMonths ?? null,
        decidedAt,
      });
    });
    const [charge] = await stores.charges.byIds([chargeId]);
    return charge;
  }
}
