import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';
import { Case } from '../case/case.type.js';
import { SmugglingNetwork } from '../network/network.type.js';
import { Person, PersonCandidate } from '../person/person.type.js';
import type { PoliceContext } from '../police.context.js';
import type { SuspectEntity } from './suspect.entity.js';
import { AddSuspectInput } from './suspect.input.js';
import { Suspect } from './suspect.type.js';

@Resolver(() => Suspect)
export class SuspectResolver {
  @Query(() => Suspect, { nullable: true, description: 'One suspect by id; null when none has that id.' })
  suspect(@Arg('id', () => ID, { description: 'The suspect id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.suspects.get(id);
  }

  @FieldResolver(() => Case, { description: 'The case in which the suspect was identified.' })
  case(@Root() root: SuspectEntity, @Ctx() context: PoliceContext) {
    return context.suspects.case(root);
  }

  @FieldResolver(() => SmugglingNetwork, { nullable: true, description: 'The network the suspect is believed to belong to.' })
  network(@Root() root: SuspectEntity, @Ctx() context: PoliceContext) {
    return context.suspects.network(root);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description:
      'The person of interest the suspect is, across cases: the known person an exact identifier (phone number, document) pointed to when the suspect was added, or the one an officer confirmed; otherwise a person recorded with the suspect.',
  })
  person(@Root() root: SuspectEntity, @Ctx() context: PoliceContext) {
    return context.persons.ofSuspect(root);
  }

  @FieldResolver(() => [PersonCandidate], {
    description:
      'Other known persons who may be this suspect (similar alias ignoring case and diacritics, nationality, year of birth ±1; or exact identifiers that pointed to more than one person), best first; only persons you may see. Confirm one with `linkSuspectToPerson`.',
  })
  personCandidates(@Root() root: SuspectEntity, @Ctx() context: PoliceContext) {
    return context.persons.candidates(root);
  }

  @Mutation(() => Suspect, {
    nullable: true,
    description:
      "Confirms that a suspect is a known person (POLICE of the owning country of the suspect's case only, to a person you may see). The person recorded with the suspect, once no suspect is left with it, gives its aliases, phone numbers and documents to the confirmed one and is deleted. Linking again to the same person changes nothing; a stale version is a CONFLICT.",
  })
  linkSuspectToPerson(
    @Arg('suspectId', () => ID, { description: 'The suspect.' }) suspectId: string,
    @Arg('personId', () => ID, { description: 'The person it is.' }) personId: string,
    @Arg('version', () => Int, { description: "The suspect's version you read." }) version: number,
    @Ctx() context: PoliceContext,
  ) {
    return context.suspects.link(suspectId, personId, version);
  }

  @Mutation(() => Suspect, { nullable: true, description: 'Adds a suspect to a case (POLICE of the owning country only).' })
  addSuspect(
    @Arg('input', () => AddSuspectInput, { description: 'The suspect.' }) input: AddSuspectInput,
    @Ctx() context: PoliceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.suspects.add(input, idempotencyKey);
  }
}
