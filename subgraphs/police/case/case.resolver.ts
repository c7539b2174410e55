import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { totalCountOf } from '../../shared/connection.js';
import { DateTimeResolver } from 'graphql-scalars';
import { Aggravation, Offence } from '../../shared/offence.js';
import { CountryCode } from '../../shared/scalars.js';
import { CaseStatus, SharingScope } from '../enums.js';
import { OpenCaseInput } from './case.input.js';
import { Detection } from '../detection/detection.type.js';
import { CourtIntelligence, IntelligenceItem } from '../intelligence/intelligence.type.js';
import { SmugglingNetwork } from '../network/network.type.js';
import { Operation } from '../operation/operation.type.js';
import type { PoliceContext } from '../police.context.js';
import { Suspect } from '../suspect/suspect.type.js';
import type { CaseEntity } from './case.entity.js';
import { Case, CaseConnection, CaseFilter } from './case.type.js';
import { IdempotencyKeyArg } from '../../shared/mutation/idempotency-key.arg.js';

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: 'One case by id; null when no case has that id.' })
  case(@Arg('id', () => ID, { description: 'The case id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.cases.get(id);
  }

  @Query(() => CaseConnection, { description: 'Cases, newest first, a page at a time (at most 100 per page).' })
  cases(
    @Ctx() context: PoliceContext,
    @Arg('filter', () => CaseFilter, { nullable: true, description: 'Conditions every returned case meets.' }) filter?: CaseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page).' })
    after?: string | null,
  ) {
    return context.cases.list(filter ?? {}, first, after);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether you may read the case beyond the hit: false when its owner has not released it to your country, and then every other field but `id`, `reference` and `ownerCountry` is null with FORBIDDEN NOT_RELEASABLE (contact the owning bureau).',
  })
  releasable(@Root() root: CaseEntity, @Ctx() context: PoliceContext): boolean {
    return context.cases.releasable(root);
  }

  @FieldResolver(() => CaseStatus, { nullable: true, description: 'Where the case stands.' })
  status(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'status');
  }

  @FieldResolver(() => CountryCode, { nullable: true, description: 'Country whose police service leads the case.' })
  leadCountry(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'leadCountry');
  }

  @FieldResolver(() => DateTimeResolver, { nullable: true, description: 'When the case was opened (UTC).' })
  openedAt(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'openedAt');
  }

  @FieldResolver(() => [Offence], { nullable: true, description: 'Offences under investigation.' })
  offences(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'offences');
  }

  @FieldResolver(() => [Aggravation], {
    nullable: true,
    description: 'Aggravating circumstances established or alleged (Smuggling Protocol Art. 6(3)).',
  })
  aggravations(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'aggravations');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Short factual summary of the case, free of personal data.' })
  summary(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'summary');
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Version for optimistic locking: pass it back to `advanceCase` or `setCaseSharing`; each change increments it.',
  })
  version(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'version');
  }

  @FieldResolver(() => SharingScope, {
    nullable: true,
    description: 'Which countries the owner releases the case to; the owner changes it with `setCaseSharing`.',
  })
  sharingScope(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.field(root, 'sharingScope');
  }

  @FieldResolver(() => [CountryCode], {
    nullable: true,
    description:
      'The countries whose police, prosecutors and analysts may read the case, as its scope makes them today (the owner always among them); null when the scope is ALL (every member country).',
  })
  releasableTo(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.releasableTo(root);
  }

  @FieldResolver(() => [Detection], { nullable: true, description: 'Detections at sea that belong to the case, oldest first.' })
  detections(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.detections(root);
  }

  @FieldResolver(() => [Suspect], { nullable: true, description: 'Suspects identified in the case.' })
  suspects(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.suspects(root);
  }

  @FieldResolver(() => [IntelligenceItem], {
    nullable: true,
    description:
      "Intelligence shared on the case that you may have, oldest first. An item its source did not release to your country (or H1, for a prosecutor) is left out, not shown as null: its existence is the source's to tell. Null with FORBIDDEN when you may not read the case's intelligence at all.",
  })
  intelligence(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.intelligence(root);
  }

  @FieldResolver(() => CourtIntelligence, {
    nullable: true,
    description:
      "The intelligence that may be used in judicial proceedings (the prosecutor's case file): usable items, and a count of H1 items withheld and why. POLICE and PROSECUTOR.",
  })
  courtIntelligence(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.courtIntelligence(root);
  }

  @FieldResolver(() => SmugglingNetwork, { nullable: true, description: 'The smuggling network behind the case, when identified.' })
  network(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.network(root);
  }

  @FieldResolver(() => Operation, { nullable: true, description: 'The joint operation the case arose from, if any.' })
  operation(@Root() root: CaseEntity, @Ctx() context: PoliceContext) {
    return context.cases.operation(root);
  }
}

@Resolver(() => Case)
export class CaseMutationResolver {
  @Mutation(() => Case, {
    nullable: true,
    description:
      "Opens a police case (POLICE only), owned by your token's country and shared with the countries it involves (`sharingScope` INVOLVED).",
  })
  openCase(
    @Arg('input', () => OpenCaseInput, { description: 'The case.' }) input: OpenCaseInput,
    @Ctx() context: PoliceContext,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return context.cases.open(input, idempotencyKey);
  }

  @Mutation(() => Case, {
    nullable: true,
    description:
      'Moves a case to another status (POLICE of the owning country only): OPEN → UNDER_INVESTIGATION or CLOSED; UNDER_INVESTIGATION → REFERRED_FOR_PROSECUTION or CLOSED; REFERRED_FOR_PROSECUTION → UNDER_INVESTIGATION or CLOSED; CLOSED → UNDER_INVESTIGATION. A stale version is a CONFLICT.',
  })
  advanceCase(
    @Arg('id', () => ID, { description: 'The case.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Arg('status', () => CaseStatus, { description: 'The new status.' }) status: CaseStatus,
    @Ctx() context: PoliceContext,
  ) {
    return context.cases.advance(id, version, status);
  }

  @Mutation(() => Case, {
    nullable: true,
    description:
      'Refers a case under investigation to prosecution (POLICE of the owning country only); a prosecutor can then open a prosecution on it.',
  })
  referCaseForProsecution(
    @Arg('id', () => ID, { description: 'The case.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Ctx() context: PoliceContext,
  ) {
    return context.cases.advance(id, version, CaseStatus.REFERRED_FOR_PROSECUTION);
  }

  @Mutation(() => Case, {
    nullable: true,
    description:
      'Sets who may read a case, with its detections, suspects, vessels and intelligence (POLICE of the owning country only; other police NOT_RELEASABLE, other agencies ROLE). Takes effect at once, lists included. A stale version is a CONFLICT.',
  })
  setCaseSharing(
    @Arg('id', () => ID, { description: 'The case.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you read.' }) version: number,
    @Arg('scope', () => SharingScope, { description: 'The new sharing scope.' }) scope: SharingScope,
    @Ctx() context: PoliceContext,
    @Arg('countries', () => [CountryCode], {
      nullable: true,
      description: 'With NAMED only, and then at least one: the countries released to besides the owner (ISO 3166-1 alpha-3, upper case).',
    })
    countries?: string[] | null,
  ) {
    return context.cases.setSharing(id, version, scope, countries);
  }
}

@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many cases match the filter in all pages; counted only when asked for.' })
  totalCount(@Root() connection: CaseConnection) {
    return totalCountOf(connection);
  }
}
