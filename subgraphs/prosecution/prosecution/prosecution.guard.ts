import type { EntityManager } from 'typeorm';
import { InvalidInputError, NotFoundError } from '../../../platform/errors.js';
import { lockRow } from '../../shared/mutation/mutation.js';
import { guard } from '../../shared/policy.js';
import type { ProsecutionCall } from '../prosecution.call.js';
import { prosecutionPolicy } from '../prosecution.policy.js';
import { ProsecutionEntity } from './prosecution.entity.js';

/*
 * What every write of the prosecutor's workflow (prosecution, defendant, charge, witness, MLA
 * request) checks first. The sender is the caller: a prosecution's jurisdiction and an MLA request's
 * requesting State are the caller's token country, and only the jurisdiction's prosecutors write on
 * a prosecution and what hangs off it.
 */

/** The prosecution a write names, with the rule that only its jurisdiction's prosecutors write on it. */
export async function writableProsecution(call: ProsecutionCall, prosecutionId: string, field: string): Promise<ProsecutionEntity> {
  guard(call, prosecutionPolicy.openProsecution, undefined);
  const [prosecution] = await call.stores.prosecutions.byIds([prosecutionId]);
  if (!prosecution) throw new NotFoundError('Prosecution', field);
  guard(call, prosecutionPolicy.write, prosecution);
  return prosecution;
}

/** The prosecution a defendant stands in, for the jurisdiction rule. */
export async function writableDefendant(call: ProsecutionCall, defendantId: string, field: string): Promise<void> {
  guard(call, prosecutionPolicy.openProsecution, undefined);
  const [defendant] = await call.stores.defendants.byIds([defendantId]);
  if (!defendant) throw new NotFoundError('Defendant', field);
  await writableProsecution(call, defendant.prosecutionId, field);
}

/**
 * The prosecution's row, locked until the transaction ends: what is added to a prosecution
 * (defendant, witness, MLA request) waits for concurrent changes of it. Missing is NOT_FOUND on `field`.
 */
export function lockProsecution(manager: EntityManager, prosecutionId: string, field: string): Promise<ProsecutionEntity> {
  return lockRow(manager, ProsecutionEntity, 'prosecution.lock', prosecutionId, field);
}

/** A country the caller may not choose: absent, or their own. */
export function ownCountry(call: ProsecutionCall, given: string | null | undefined, field: string, what: string): string {
  const own = call.viewer.country;
  if (given !== null && given !== undefined && given !== own) {
    throw new InvalidInputError([
      { field, reasons: [`${what} is the caller's own State (${own}); ${given} cannot be set (omit the field)`] },
    ]);
  }
  return own;
}
