import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { PoliceContext } from '../police.context.js';
import { SearchConnection } from './search.type.js';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Finds cases (by reference, summary words and sea areas), smuggling networks (name), vessels (name; IMO number, MMSI or registration exactly), suspects (alias) and persons of interest (alias; phone or document number exactly), ignoring case and diacritics ("samana" finds "Samaná"), best match first. Each agency searches what it may read (IOM and analysts: cases); a case outside your country\'s share is found by its reference only and comes back as a hit; a person only by who may see one of its cases. PARTNER and AUDITOR: FORBIDDEN. Every search is logged.',
  })
  search(
    @Arg('text', () => String, { description: 'What to look for: 1 to 200 characters.' }) text: string,
    @Ctx() context: PoliceContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100; default 20.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Continue after this cursor (`pageInfo.endCursor` of the previous page).' })
    after?: string | null,
  ) {
    return context.search.search(text, first, after);
  }
}
