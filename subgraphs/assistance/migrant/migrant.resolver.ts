import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { assertId } from '../../shared/pagination.js';
import type { AssistanceContext } from '../assistance.context.js';
import { Assistance } from '../assistance/assistance.type.js';
import { Case, Detection } from '../case/case.type.js';
import { Consent } from '../consent/consent.type.js';
import { TraffickingStatus, Vulnerability } from '../enums.js';
import { MigrantIdentity } from '../identity/identity.type.js';
import { Screening } from '../screening/screening.type.js';
import type { MigrantEntity } from './migrant.entity.js';
import { Migrant } from './migrant.type.js';

@Resolver(() => Migrant)
export class MigrantResolver {
  @Query(() => Migrant, { nullable: true, description: 'One migrant by id; null when none has that id.' })
  migrant(@Arg('id', () => ID, { description: 'The migrant id.' }) id: string, @Ctx() context: AssistanceContext) {
    return context.loaders.migrantById.load(assertId(id));
  }

  @Query(() => [Migrant], { description: 'The migrants registered on a case, by code.' })
  migrants(@Arg('caseId', () => ID, { description: 'The police case id.' }) caseId: string, @Ctx() context: AssistanceContext) {
    return context.loaders.migrantsByCase.load(assertId(caseId, 'caseId'));
  }

  @FieldResolver(() => [Vulnerability], { nullable: true, description: 'Special needs found at the latest screening.' })
  vulnerabilities(@Root() root: MigrantEntity): Vulnerability[] {
    return root.vulnerabilities;
  }

  @FieldResolver(() => TraffickingStatus, { nullable: true, description: 'Current trafficking assessment.' })
  traffickingStatus(@Root() root: MigrantEntity): TraffickingStatus {
    return root.traffickingStatus;
  }

  @FieldResolver(() => MigrantIdentity, { nullable: true, description: 'Who the migrant is; shared only under live consent.' })
  identity(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.loaders.identityByMigrant.load(root.id);
  }

  @FieldResolver(() => [Consent], { nullable: true, description: 'Consents given, oldest first, including withdrawn ones.' })
  consents(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.loaders.consentsByMigrant.load(root.id);
  }

  @FieldResolver(() => [Screening], { nullable: true, description: 'Screenings, oldest first.' })
  screenings(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.loaders.screeningsByMigrant.load(root.id);
  }

  @FieldResolver(() => [Assistance], { nullable: true, description: 'Support given or planned, in the order it started.' })
  assistance(@Root() root: MigrantEntity, @Ctx() context: AssistanceContext) {
    return context.loaders.assistanceByMigrant.load(root.id);
  }

  @FieldResolver(() => Detection, { nullable: true, description: 'The detection at sea after which the migrant was registered.' })
  detection(@Root() root: MigrantEntity): Detection | null {
    return root.detectionId ? { id: root.detectionId } : null;
  }

  @FieldResolver(() => Case, { description: 'The police case the migrant is registered on.' })
  case(@Root() root: MigrantEntity): Case {
    return { id: root.caseId };
  }
}
