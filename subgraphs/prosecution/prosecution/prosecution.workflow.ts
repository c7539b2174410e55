import { InvalidInputError, NotFoundError, type FieldProblem } from '../../../platform/errors.js';
import { decide, guard } from '../../shared/policy.js';
import {
  assertTransition,
  assertVersion,
  createOnce,
  lockRow,
  presetId,
  truncateToMilliseconds,
  updateVersioned,
  type Preset,
  type Transitions,
} from '../../shared/mutation/mutation.js';
import { Offence } from '../../shared/offence.js';
import { assertId } from '../../shared/pagination.js';
import { ChargeEntity } from '../charge/charge.entity.js';
import { DefendantEntity } from '../defendant/defendant.entity.js';
import { LegalBasis, MLA_STATUS_TRANSITIONS, MlaStatus, ProsecutionStage, Verdict } from '../enums.js';
import { MlaRequestEntity } from '../mla/mla.entity.js';
import type { ProsecutionRequest } from '../prosecution.context.js';
import { prosecutionPolicy } from '../prosecution.policy.js';
import { ProsecutionEntity } from './prosecution.entity.js';
import type {
  AddDefendantInput,
  AddWitnessInput,
  CreateMlaRequestInput,
  FileChargeInput,
  OpenProsecutionInput,
  RecordVerdictInput,
} from './prosecution.input.js';

export const STAGE_TRANSITIONS: Transitions<ProsecutionStage> = {
  [ProsecutionStage.INVESTIGATION]: [ProsecutionStage.INDICTMENT, ProsecutionStage.FINAL],
  [ProsecutionStage.INDICTMENT]: [ProsecutionStage.TRIAL, ProsecutionStage.FINAL],
  [ProsecutionStage.TRIAL]: [ProsecutionStage.APPEAL, ProsecutionStage.FINAL],
  [ProsecutionStage.APPEAL]: [ProsecutionStage.FINAL],
  [ProsecutionStage.FINAL]: [],
};

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

/** Stages a prosecution may be opened at: proceedings start before trial (a verdict needs a trial on record). */
const OPENING_STAGES: readonly ProsecutionStage[] = [ProsecutionStage.INVESTIGATION, ProsecutionStage.INDICTMENT];

/**
 * The prosecutor's workflow: every write behind the policy, in one transaction, idempotent or
 * versioned. The sender is the caller: a prosecution's jurisdiction and an MLA request's requesting
 * State are the caller's token country. A reference to another agency's record is checked with its
 * owner (one signed lookup, before the transaction opens).
 */
export class ProsecutionWorkflow {
  constructor(private readonly request: ProsecutionRequest) {}

  private get stores() {
    return this.request.stores;
  }

  /** The prosecution a write names, with the rule that only its jurisdiction's prosecutors write on it. */
  private async writableProsecution(prosecutionId: string, field: string): Promise<ProsecutionEntity> {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const [prosecution] = await this.stores.prosecutions.byIds([prosecutionId]);
    if (!prosecution) throw new NotFoundError('Prosecution', field);
    guard(this.request, prosecutionPolicy.write, prosecution);
    return prosecution;
  }

  /** A country the caller may not choose: absent, or their own. */
  private ownCountry(given: string | null | undefined, field: string, what: string): string {
    const own = this.request.viewer.country;
    if (given !== null && given !== undefined && given !== own) {
      throw new InvalidInputError([
        { field, reasons: [`${what} is the caller's own State (${own}); ${given} cannot be set (omit the field)`] },
      ]);
    }
    return own;
  }

  async open(input: OpenProsecutionInput, key: string | null | undefined, preset?: Preset) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const caseId = assertId(input.caseId, 'caseId');
    const jurisdiction = this.ownCountry(input.jurisdiction, 'jurisdiction', 'the jurisdiction');
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
    const id = await createOnce(this.request, 'openProsecution', key, input, async (manager) => {
      // One set of proceedings per case; the advisory lock serialises concurrent openings of the same case.
      await manager.query('/* prosecution.lockCase */ SELECT pg_advisory_xact_lock(hashtext($1))', [caseId]);
      if ((await this.stores.prosecutions.earliestByCaseIds([caseId], manager)).length > 0) {
        throw new InvalidInputError([{ field: 'caseId', reasons: ['this case already has a prosecution'] }]);
      }
      return this.stores.prosecutions.insert(manager, {
        ...presetId(preset),
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

  async advanceStage(id: string, version: number, stage: ProsecutionStage) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const prosecutionId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const row = await lockRow(manager, ProsecutionEntity, 'prosecution.lock', prosecutionId, 'id');
      guard(this.request, prosecutionPolicy.write, row);
      assertVersion(row, version);
      assertTransition('Prosecution', STAGE_TRANSITIONS, row.stage, stage);
      await updateVersioned(manager, ProsecutionEntity, 'prosecution.advance', prosecutionId, version, { stage });
    });
    // The request may have read the prosecution before the change: read it afresh.
    return this.request.loaders.prosecutionById.clear(prosecutionId).load(prosecutionId);
  }

  async addDefendant(input: AddDefendantInput, key: string | null | undefined, preset?: Preset) {
    const prosecutionId = assertId(input.prosecutionId, 'prosecutionId');
    const suspectId = assertId(input.suspectId, 'suspectId');
    const prosecution = await this.writableProsecution(prosecutionId, 'prosecutionId');
    if (this.request.references) {
      // Smuggling Protocol Art. 5: a migrant is never a defendant; only a police suspect of this very case is.
      const found = (await this.request.references.lookup('suspect', [suspectId]))[suspectId];
      if (!found) {
        throw new InvalidInputError([
          {
            field: 'suspectId',
            reasons: [
              'not a police suspect (or none you may see): only a suspect can be a defendant, never a migrant (Smuggling Protocol Art. 5)',
            ],
          },
        ]);
      }
      if (found.caseId !== prosecution.caseId) {
        throw new InvalidInputError([
          { field: 'suspectId', reasons: ['this suspect belongs to another police case than the one prosecuted'] },
        ]);
      }
    }
    const id = await createOnce(this.request, 'addDefendant', key, input, async (manager) => {
      await lockRow(manager, ProsecutionEntity, 'prosecution.lock', prosecutionId, 'prosecutionId');
      if (await this.stores.defendants.exists(manager, prosecutionId, suspectId)) {
        throw new InvalidInputError([{ field: 'suspectId', reasons: ['this suspect is already a defendant in this prosecution'] }]);
      }
      return this.stores.defendants.insert(manager, { ...presetId(preset), prosecutionId, suspectId, liability: input.liability });
    });
    const [defendant] = await this.stores.defendants.byIds([id]);
    return defendant;
  }

  /** The prosecution a defendant stands in, for the jurisdiction rule. */
  private async writableDefendant(defendantId: string, field: string): Promise<void> {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const [defendant] = await this.stores.defendants.byIds([defendantId]);
    if (!defendant) throw new NotFoundError('Defendant', field);
    await this.writableProsecution(defendant.prosecutionId, field);
  }

  async fileCharge(input: FileChargeInput, key: string | null | undefined, preset?: Preset) {
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
    await this.writableDefendant(defendantId, 'defendantId');
    const id = await createOnce(this.request, 'fileCharge', key, input, async (manager) => {
      await lockRow(manager, DefendantEntity, 'defendant.lock', defendantId, 'defendantId');
      return this.stores.charges.insert(manager, {
        ...presetId(preset),
        defendantId,
        offence: input.offence,
        legalBasis: input.legalBasis,
        verdict: Verdict.PENDING,
        sentenceMonths: null,
        filedAt: truncateToMilliseconds(new Date()),
        decidedAt: null,
      });
    });
    const [charge] = await this.stores.charges.byIds([id]);
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
    const [known] = await this.stores.charges.byIds([chargeId]);
    if (!known) throw new NotFoundError('Charge', 'chargeId');
    await this.writableDefendant(known.defendantId, 'chargeId');
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
    const [charge] = await this.stores.charges.byIds([chargeId]);
    return charge;
  }

  async addWitness(input: AddWitnessInput, key: string | null | undefined, preset?: Preset) {
    const prosecutionId = assertId(input.prosecutionId, 'prosecutionId');
    const migrantId = assertId(input.migrantId, 'migrantId');
    const prosecution = await this.writableProsecution(prosecutionId, 'prosecutionId');
    if (this.request.references) {
      const found = (await this.request.references.lookup('migrant', [migrantId]))[migrantId];
      if (!found)
        throw new InvalidInputError([
          {
            field: 'migrantId',
            reasons: ['not a migrant registered by IOM (or none you may see): a witness here is a migrant of the case'],
          },
        ]);
      if (found.caseId !== prosecution.caseId) {
        throw new InvalidInputError([
          { field: 'migrantId', reasons: ['this migrant belongs to another police case than the one prosecuted'] },
        ]);
      }
    }
    const id = await createOnce(this.request, 'addWitness', key, input, async (manager) => {
      await lockRow(manager, ProsecutionEntity, 'prosecution.lock', prosecutionId, 'prosecutionId');
      if (await this.stores.witnesses.exists(manager, prosecutionId, migrantId)) {
        throw new InvalidInputError([{ field: 'migrantId', reasons: ['this migrant is already a witness in this prosecution'] }]);
      }
      return this.stores.witnesses.insert(manager, {
        ...presetId(preset),
        prosecutionId,
        migrantId,
        role: input.role,
        protectiveMeasures: input.protectiveMeasures ?? [],
      });
    });
    const [witness] = await this.stores.witnesses.byIds([id]);
    return witness;
  }

  async createMlaRequest(input: CreateMlaRequestInput, key: string | null | undefined, preset?: Preset) {
    const prosecutionId = assertId(input.prosecutionId, 'prosecutionId');
    // The requesting State is the prosecuting State, which is the caller's (only its prosecutors write here).
    const requestingCountry = this.ownCountry(input.requestingCountry, 'requestingCountry', 'the requesting State');
    if (requestingCountry === input.requestedCountry) {
      throw new InvalidInputError([{ field: 'requestedCountry', reasons: ['the requested State must differ from the requesting one'] }]);
    }
    await this.writableProsecution(prosecutionId, 'prosecutionId');
    const id = await createOnce(this.request, 'createMlaRequest', key, input, async (manager) => {
      await lockRow(manager, ProsecutionEntity, 'prosecution.lock', prosecutionId, 'prosecutionId');
      return this.stores.mlaRequests.insert(manager, {
        ...presetId(preset),
        prosecutionId,
        type: input.type,
        status: MlaStatus.DRAFT,
        requestingCountry,
        requestedCountry: input.requestedCountry,
        subject: input.subject,
      });
    });
    const [mla] = await this.stores.mlaRequests.byIds([id]);
    return mla;
  }

  /** The requesting State transmits or withdraws; the requested State acknowledges, executes, refuses… */
  async advanceMlaRequest(id: string, version: number, status: MlaStatus) {
    guard(this.request, prosecutionPolicy.openProsecution, undefined);
    const mlaId = assertId(id);
    await this.request.dataSource.transaction(async (manager) => {
      const row = await lockRow(manager, MlaRequestEntity, 'mla.lock', mlaId, 'id');
      // A State party to neither side learns nothing of the request, not even that it exists.
      if (!decide(this.request.viewer, prosecutionPolicy.mlaRequest, row).allowed) throw new NotFoundError('MlaRequest', 'id');
      assertVersion(row, version);
      assertTransition('MlaRequest', MLA_STATUS_TRANSITIONS, row.status, status);
      // Both States read the request; which of them makes this move depends on the move.
      // The rule reads the row's fields and the move; a plain copy of the entity is what it needs.
      // eslint-disable-next-line @typescript-eslint/no-misused-spread
      guard(this.request, prosecutionPolicy.advanceMlaRequest, { ...row, to: status });
      await updateVersioned(manager, MlaRequestEntity, 'mla.advance', mlaId, version, { status });
    });
    const [mla] = await this.stores.mlaRequests.byIds([mlaId]);
    return mla;
  }
}
