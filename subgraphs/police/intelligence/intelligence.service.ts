import { enforce } from '../../shared/access.js';
import { InvalidInputError } from '../../shared/errors.js';
import { createOnce, lockRow, presetId, type Preset } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { CaseEntity } from '../case/case.entity.js';
import { HandlingCode } from '../enums.js';
import type { PoliceRequest } from '../police.context.js';
import { policePolicy } from '../police.policy.js';
import type { ShareIntelligenceInput } from './intelligence.input.js';

/** Police data is reviewed after at most five years. */
const REVIEW_AFTER_YEARS = 5;

export class IntelligenceService {
  constructor(private readonly request: PoliceRequest) {}

  /** Shares an item on a case (police only) with the source's handling code, grading and releasability. */
  async share(input: ShareIntelligenceInput, idempotencyKey: string | null | undefined, preset?: Preset) {
    enforce(policePolicy.write(this.request.viewer));
    const caseId = assertId(input.caseId, 'caseId');
    if (input.handlingCode === HandlingCode.H3 && !input.handlingConditions?.trim()) {
      throw new InvalidInputError([{ field: 'handlingConditions', reasons: ['an H3 item must state its restrictions in handlingConditions'] }]);
    }
    const id = await createOnce(this.request, 'shareIntelligence', idempotencyKey, input, async (manager) => {
      await lockRow(manager, CaseEntity, 'case.lock', caseId, 'caseId');
      const sharedAt = new Date();
      const reviewBy = new Date(sharedAt);
      reviewBy.setUTCFullYear(reviewBy.getUTCFullYear() + REVIEW_AFTER_YEARS);
      return this.request.stores.intelligence.insert(manager, {
        ...presetId(preset),
        caseId,
        summary: input.summary,
        handlingCode: input.handlingCode,
        handlingConditions: input.handlingConditions ?? null,
        sourceReliability: input.sourceReliability,
        informationAccuracy: input.informationAccuracy,
        sourceCountry: input.sourceCountry,
        releasableTo: input.releasableTo ?? null,
        sharedAt,
        reviewBy: reviewBy.toISOString().slice(0, 10),
      });
    });
    // The writer gets back what they wrote.
    const [item] = await this.request.stores.intelligence.byIds([id]);
    return item;
  }
}
