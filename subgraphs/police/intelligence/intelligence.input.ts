import { ArrayMaxSize, ArrayUnique, IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CountryCode } from '../../shared/scalars.js';
import { HandlingCode, InformationAccuracy, SourceReliability } from '../enums.js';

@InputType({ description: "An intelligence item shared on a case, with the source's handling code, grading and releasability." })
export class ShareIntelligenceInput {
  @Field(() => ID, { description: 'The case.' })
  caseId: string;

  @Length(1, 4000)
  @Field({ description: 'The intelligence, as the source words it (at most 4,000 characters).' })
  summary: string;

  @Field(() => HandlingCode, { description: "The source's restriction on use." })
  handlingCode: HandlingCode;

  @IsOptional()
  @MaxLength(1000)
  @Field(() => String, { nullable: true, description: 'The restrictions of an H3 item (required for H3).' })
  handlingConditions?: string | null;

  @Field(() => SourceReliability, { description: 'Evaluation of the source.' })
  sourceReliability: SourceReliability;

  @Field(() => InformationAccuracy, { description: 'Evaluation of the information.' })
  informationAccuracy: InformationAccuracy;

  @Field(() => CountryCode, {
    nullable: true,
    description:
      "Country of the supplying National Central Bureau: always your token's country. Omit it; any other country is refused (BAD_USER_INPUT).",
    deprecationReason: "The source country is your token's country; omit this field.",
  })
  sourceCountry?: string | null;

  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(250)
  @Field(() => [CountryCode], { nullable: true, description: 'Countries the item may reach; omit for no restriction by country.' })
  releasableTo?: string[] | null;
}
