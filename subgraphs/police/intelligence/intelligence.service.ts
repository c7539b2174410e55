import { guard } from '../../shared/policy.js';
import { InvalidInputError, type FieldProblem } from '../../../platform/errors.js';
import { createOnce, lockRow } from '../../shared/mutation/mutation.js';
import { assertId } from '../../shared/pagination.js';
import { CaseEntity } from '../case/case.entity.js';
import { HandlingCode } from '../enums.js';
import type { PoliceCall } from '../police.call.js';
import { policePolicy } from '../police.policy.js';
import type { ShareIntelligenceInput } from './intelligence.input.js';

/** Police data is reviewed after at most five years. */
const REVIEW_AFTER_YEARS = 5;

/** The date an item shared at `sharedAt` is due for review (YYYY-MM-DD). */
export function reviewDate(sharedAt: Date): string {
  const reviewBy = new Date(sharedAt);
  reviewBy.setUTCFullYear(reviewBy.getUTCFullYear() + REVIEW_AFTER_YEARS);
  return reviewBy.toISOString().slice(0, 10);
}

export class IntelligenceService {
  constructor(private readonly request: PoliceCall) {}

  /**
   * Shares an item on a case (police of any country the case is released to) with the source's
   * handling code, grading and releasability. The source is the caller's country, never an argument.
   */
  async share(input: ShareIntelligenceInput, idempotencyKey: string | null | undefined) {
    guard(this.request, policePolicy.policeWrite, undefined);
    const caseId = assertId(input.caseId, 'caseId');
    const sourceCountry = this.request.viewer.country;
    const problems: FieldProblem[] = [];
    if (input.handlingCode === HandlingCode.H3 && !input.handlingConditions?.trim()) {
      problems.push({ field: 'handlingConditions', reasons: ['an H3 item must state its restrictions in handlingConditions'] });
    }
    if (input.sourceCountry && input.sourceCountry !== sourceCountry) {
      problems.push({
        field: 'sourceCountry',
        reasons: [`the source country is your token's country (${sourceCountry}); omit sourceCountry`],
      });
    }
    if (problems.length > 0) throw new InvalidInputError(problems);
    const id = await createOnce(this.request, 'shareIntelligence', idempotencyKey, input, async (manager) => {
      const owning = await lockRow(manager, CaseEntity, 'case.lock', caseId, 'caseId');
      guard(this.request, policePolicy.shareIntelligence, owning);
      const sharedAt = new Date();
      return this.request.stores.intelligence.insert(manager, {
        id: this.request.recordIds.next('intelligence'),
        caseId,
        summary: input.summary,
        handlingCode: input.handlingCode,
        handlingConditions: input.handlingConditions ?? null,
        sourceReliability: input.sourceReliability,
        informationAccuracy: input.informationAccuracy,
        sourceCountry,
        releasableTo: input.releasableTo ?? null,
        sharedAt,
        reviewBy: reviewDate(sharedAt),
      });
    });
    // The writer gets back what they wrote.
    const [item] = await this.request.stores.intelligence.byIds([id]);
    return item;
  }
}
