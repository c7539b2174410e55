import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssistanceContext } from '../assistance.context.js';
import { Assistance } from '../assistance/assistance.type.js';
import { Case, Detection } from '../case/case.type.js';
import { Consent } from '../consent/consent.type.js';
import { TraffickingStatus, Vulnerability } from '../enums.js';
import { RegisterMigrantInput } from './migrant.input.js';
import { MigrantIdentity } from '../identity/identity.type.js';
import { Screening } from '../screening/screening.type.js';
import type { MigrantEntity } from './migrant.entity.js';
import { Migrant, MigrantConnection } from './migrant.type.js';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';

@Resolver(() => Migrant)
export class MigrantResolver {
  @Query(() => Migrant, { nullable: true, description: 'One migrant by id; null when none has that id.' })
  migrant(@Arg('id', () => ID, { description: 'The migrant id.' }) id: string, @Ctx() context: AssistanceContext) {
    return context.migrants.get(id);
  }

  @Query(() => [Migrant], {
    description: 'The migrants registered on a case, by code.',
    deprecationReason: 'Use `migrantsConnection`: the same list a page at a time, with a cursor and `totalCount`.',
  })
  migrants(@Arg('caseId', () => ID, { description: 'The police case id.' }) caseId: string, @Ctx() context: AssistanceContext) {
    return context.migrants.byCase(caseId);
  }

  @Query(() => MigrantConnection, { description: 'The migrants registered on a case, by code, a page at a time (at most 100 per page).' })
  migrantsConnection(
    @Arg('caseId', () => ID, { description: 'The police case id.' }) caseId: string,
    @Ctx() context: AssistanceContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page).' })
    after?: string | null,
  ) {
    return context.migrants.pageOfCase(caseId, first, after);
  }

  @Mutation(() => Migrant, { nullable: true, description: 'Registers a migrant for assistance (IOM only), the identity kept apart.' })
  registerMigrant(
    @Arg('input', () => RegisterMigrantInput, { description: 'The migrant.' }) input: RegisterMigrantInput,
    @Ctx() context: AssistanceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.migrants.register(input, idempotencyKey);
  }

  @FieldResolver(() => [Vulnerability], {
    nullable: true,
    description: 'Special needs found at the latest screening. IOM only: other agencies get null with FORBIDDEN (ROLE).',
  })
  vulnerabilities(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext): Vulnerability[] {
    return context.migrants.vulnerabilities(root);
  }

  @FieldResolver(() => TraffickingStatus, {
    nullable: true,
    description: 'Current trafficking assessment. Consent-gated like `identity`.',
  })
  traffickingStatus(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext): Promise<TraffickingStatus> {
    return context.migrants.traffickingStatus(root);
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the migrant has a live TESTIMONY consent naming the reading prosecutor's agency and country (or any country), so may be called as a witness by them. IOM (any live TESTIMONY consent) and PROSECUTOR; every read is logged.",
  })
  testimonyConsent(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext): Promise<boolean> {
    return context.migrants.testimonyConsent(root);
  }

  @FieldResolver(() => MigrantIdentity, {
    nullable: true,
    description:
      "Who the migrant is. IOM always; police only under a live SHARE_WITH_POLICE consent, prosecutors under a live SHARE_WITH_PROSECUTION or TESTIMONY consent, that names the reader's agency and country (or any country) and has not expired (otherwise null with FORBIDDEN, CONSENT_REQUIRED); nobody else. Every read is logged.",
  })
  identity(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.migrants.identity(root);
  }

  @FieldResolver(() => [Consent], { nullable: true, description: 'Consents given, oldest first, including withdrawn ones. IOM only.' })
  consents(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.migrants.consents(root);
  }

  @FieldResolver(() => [Screening], { nullable: true, description: 'Screenings, oldest first. IOM only.' })
  screenings(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.migrants.screenings(root);
  }

  @FieldResolver(() => [Assistance], { nullable: true, description: 'Support given or planned, in the order it started. IOM only.' })
  assistance(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.migrants.assistance(root);
  }

  @FieldResolver(() => Detection, { nullable: true, description: 'The detection at sea after which the migrant was registered.' })
  detection(@Root() root: MigrantEntity): Detection | null {
    return root.detectionId ? { id: root.detectionId } : null;
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The police case the migrant is registered on.' })
  case(@Root() root: MigrantEntity): Case {
    return { id: root.caseId };
  }
}
