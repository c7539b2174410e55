import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ProsecutionContext } from '../prosecution.context.js';
import { Prosecution } from '../prosecution/prosecution.type.js';
import { Case, RankedCaseLaw } from './case.type.js';

@Resolver(() => Case)
export class CaseResolver {
  @FieldResolver(() => Prosecution, {
    nullable: true,
    description: 'The criminal proceedings brought on the case; null while no prosecution office has opened one.',
  })
  prosecution(@Root() root: Case, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.byCase(root.id);
  }

  @Directive('@requires(fields: "offences aggravations")')
  @FieldResolver(() => [RankedCaseLaw], {
    nullable: true,
    description:
      'Case law that matches the case, most relevant first: decisions sharing its offences and aggravations, by sea (at most 10, only those sharing at least an offence or aggravation).',
  })
  relevantCaseLaw(@Root() root: Case, @Ctx() context: ProsecutionContext) {
    return context.prosecutions.relevantCaseLaw(root.offences ?? [], root.aggravations ?? []);
  }
}
