import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Case } from '../case/case.type.js';
import { CaseLawReference } from '../case-law/case-law.type.js';
import { Defendant } from '../defendant/defendant.type.js';
import { MlaRequest } from '../mla/mla.type.js';
import { ProsecutionStage, ProsecutorNetwork } from '../enums.js';
import { OpenProsecutionInput } from './prosecution.input.js';
import type { ProsecutionContext } from '../prosecution.context.js';
import { NETWORK_CONTACTS, ProsecutorNetworkContact } from './network-contact.js';
import { Witness } from '../witness/witness.type.js';
import type { ProsecutionEntity } from './prosecution.entity.js';
import { Prosecution, ProsecutionConnection, ProsecutionVerdict } from './prosecution.type.js';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';

@Resolver(() => Prosecution)
export class ProsecutionResolver {
  @Query(() => Prosecution, { nullable: true, description: 'One prosecution by id; null when none has that id.' })
  prosecution(@Arg('id', () => ID, { description: 'The prosecution id.' }) id: string, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.get(id);
  }

  @Query(() => [Prosecution], {
    description: 'Prosecutions, most recently opened first (at most 100).',
    deprecationReason: 'Use `prosecutionsConnection`: the same list a page at a time, with a cursor and `totalCount`.',
  })
  prosecutions(
    @Ctx() context: ProsecutionContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many to return, 1 to 100; default 20.' }) first?: number | null,
  ) {
    return context.prosecutions.newest(first);
  }

  @Query(() => ProsecutionConnection, {
    description: 'Prosecutions, most recently opened first, a page at a time (at most 100 per page).',
  })
  prosecutionsConnection(
    @Ctx() context: ProsecutionContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page).' })
    after?: string | null,
  ) {
    return context.prosecutions.page(first, after);
  }

  @Mutation(() => Prosecution, {
    nullable: true,
    description: 'Opens a prosecution on a police case referred for prosecution (PROSECUTOR only; one per case).',
  })
  openProsecution(
    @Arg('input', () => OpenProsecutionInput, { description: 'The proceedings.' }) input: OpenProsecutionInput,
    @Ctx() context: ProsecutionContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.prosecutions.open(input, idempotencyKey);
  }

  @Mutation(() => Prosecution, {
    nullable: true,
    description:
      'Moves proceedings on (PROSECUTOR only): INVESTIGATION → INDICTMENT → TRIAL → APPEAL → FINAL (any stage may end in FINAL).',
  })
  advanceProsecution(
    @Arg('id', () => ID, { description: 'The prosecution.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Arg('stage', () => ProsecutionStage, { description: 'The new stage.' }) stage: ProsecutionStage,
    @Ctx() context: ProsecutionContext,
  ) {
    return context.prosecutions.advanceStage(id, version, stage);
  }

  @FieldResolver()
  jurisdiction(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): string {
    context.prosecutions.publicRecord();
    return root.jurisdiction;
  }

  @FieldResolver()
  prosecutorOffice(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): string {
    context.prosecutions.publicRecord();
    return root.prosecutorOffice;
  }

  @FieldResolver()
  network(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): ProsecutorNetwork {
    context.prosecutions.publicRecord();
    return root.network;
  }

  @FieldResolver()
  openedAt(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): Date {
    context.prosecutions.publicRecord();
    return root.openedAt;
  }

  @FieldResolver()
  version(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): number {
    context.prosecutions.publicRecord();
    return root.version;
  }

  @FieldResolver(() => [ProsecutionVerdict], {
    description:
      'The decision on every charge, defendant by defendant in the order added, charges in the order filed: the part of the record every agency reads.',
  })
  verdicts(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.verdicts(root);
  }

  @FieldResolver(() => Case, {
    nullable: true,
    description: 'The police case prosecuted (null when the caller may not see police cases; FORBIDDEN ROLE for IOM and partners).',
  })
  case(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): Case {
    context.prosecutions.publicRecord();
    return { id: root.caseId };
  }

  @FieldResolver(() => [Defendant], {
    nullable: true,
    description:
      'Suspects charged in the prosecution, in the order they were added; null (FORBIDDEN ROLE) for IOM and partners, who read `verdicts`.',
  })
  defendants(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.defendants(root);
  }

  @FieldResolver(() => [Witness], {
    nullable: true,
    description: 'Migrants taking part as witnesses, victims or civil parties; null when the caller may not see them.',
  })
  witnesses(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.witnesses(root);
  }

  @FieldResolver(() => ProsecutorNetworkContact, {
    nullable: true,
    description: 'The prosecutor network the office works through, with its member States (null when none).',
  })
  networkContact(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext): ProsecutorNetworkContact | null {
    context.prosecutions.publicRecord();
    return NETWORK_CONTACTS[root.network];
  }

  @FieldResolver(() => [Witness], {
    nullable: true,
    description:
      "The case file's witnesses: those whose live TESTIMONY consent (kept by migrant assistance) allows them to be called, with their protective measures. Prosecutors of the prosecuting State only; the consents are asked of migrant assistance by migrant id (a signed lookup; assistance logs each read).",
  })
  testifyingWitnesses(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.testifyingWitnesses(root);
  }

  @FieldResolver(() => [MlaRequest], {
    nullable: true,
    description:
      'Mutual legal assistance requests sent for the prosecution, oldest first; null when the caller may not see them (UNTOC Art. 18 use limitation).',
  })
  mlaRequests(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.mlaRequests(root);
  }

  @FieldResolver(() => [CaseLawReference], {
    nullable: true,
    description: 'Case law the prosecutor relies on, most recent first; null (FORBIDDEN ROLE) for IOM and partners.',
  })
  caseLaw(@Root() root: ProsecutionEntity, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.caseLaw(root);
  }
}
