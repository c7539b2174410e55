import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Case } from '../case/case.type.js';
import type { PoliceContext } from '../police.context.js';
import { CountryCode } from '../../shared/scalars.js';
import type { PersonEntity } from './person.entity.js';
import { Person, PersonDocument } from './person.type.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description:
      'One person of interest by id (POLICE and PROSECUTOR); a hit only when you may see none of its cases; null when none has that id.',
  })
  person(@Arg('id', () => ID, { description: 'The person id.' }) id: string, @Ctx() context: PoliceContext) {
    return context.persons.get(id);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether you may read the person beyond the hit: false when you may see none of its cases, and then every field but `id`, `ownerCountry` and `cases` is null with FORBIDDEN NOT_RELEASABLE.',
  })
  releasable(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.releasable(root);
  }

  @FieldResolver(() => [Case], {
    description: 'The cases the person is a suspect in; a case not released to you comes as a hit (reference and owning country).',
  })
  cases(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.cases(root);
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Aliases and nicknames the person is known by, in every case.' })
  aliases(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.field(root, 'aliases');
  }

  @FieldResolver(() => CountryCode, { nullable: true, description: 'Nationality, when established.' })
  nationality(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.field(root, 'nationality');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Year of birth, when established.' })
  yearOfBirth(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.field(root, 'yearOfBirth');
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Phone numbers, in E.164 (+18095550142).' })
  phones(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.phones(root);
  }

  @FieldResolver(() => [PersonDocument], { nullable: true, description: 'Travel and identity documents.' })
  documents(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.documents(root);
  }

  @FieldResolver(() => DateTimeResolver, { nullable: true, description: 'When the person was first recorded (UTC).' })
  createdAt(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.field(root, 'createdAt');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Version: each change to the person increments it.' })
  version(@Root() root: PersonEntity, @Ctx() context: PoliceContext) {
    return context.persons.field(root, 'version');
  }
}
