import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The prosecutor-support schema: prosecutions, defendants, charges, witnesses, MLA requests and case
 * law. Cases, suspects and migrants belong to other subgraphs' databases, so their ids are plain
 * uuid columns without foreign keys.
 */
export class ProsecutionInitial1764300000002 implements MigrationInterface {
  name = 'ProsecutionInitial1764300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE prosecutions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        stage text NOT NULL CHECK (stage IN ('INVESTIGATION','INDICTMENT','TRIAL','APPEAL','FINAL')),
        jurisdiction char(3) NOT NULL,
        prosecutor_office text NOT NULL CHECK (length(prosecutor_office) BETWEEN 1 AND 300),
        network text NOT NULL CHECK (network IN ('REFCO','REDTRAM','OTHER','NONE')),
        opened_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX prosecutions_case_id ON prosecutions (case_id, opened_at, id);
      CREATE INDEX prosecutions_opened_at_id ON prosecutions (opened_at DESC, id DESC);
      CREATE TABLE defendants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prosecution_id uuid NOT NULL REFERENCES prosecutions(id),
        suspect_id uuid NOT NULL,
        liability text NOT NULL CHECK (liability IN ('PRINCIPAL','ACCOMPLICE','ORGANIZER','ATTEMPT')),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (prosecution_id, suspect_id)
      );
      CREATE INDEX defendants_prosecution_id ON defendants (prosecution_id);
      CREATE INDEX defendants_suspect_id ON defendants (suspect_id);
      CREATE TABLE charges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        defendant_id uuid NOT NULL REFERENCES defendants(id),
        offence text NOT NULL CHECK (offence IN ('SMUGGLING_OF_MIGRANTS','ENABLING_ILLEGAL_STAY','DOCUMENT_FRAUD','TRAFFICKING_IN_PERSONS','PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP','MONEY_LAUNDERING')),
        legal_basis text NOT NULL CHECK (legal_basis IN ('SOM_6_1_A','SOM_6_1_B','SOM_6_1_C','SOM_6_2','SOM_6_3_A','SOM_6_3_B','TIP_5','UNTOC_5','UNTOC_6','NATIONAL_LAW')),
        verdict text NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING','GUILTY','ACQUITTED','DISMISSED')),
        sentence_months integer CHECK (sentence_months BETWEEN 0 AND 1200),
        filed_at timestamptz NOT NULL,
        decided_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((verdict = 'PENDING') = (decided_at IS NULL)),
        CHECK (decided_at IS NULL OR decided_at >= filed_at),
        CHECK (sentence_months IS NULL OR verdict = 'GUILTY')
      );
      CREATE INDEX charges_defendant_id ON charges (defendant_id, filed_at);
      CREATE TABLE witnesses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prosecution_id uuid NOT NULL REFERENCES prosecutions(id),
        migrant_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('SMUGGLED_MIGRANT_WITNESS','VICTIM','CIVIL_PARTY')),
        protective_measures text[] NOT NULL DEFAULT '{}' CHECK (cardinality(protective_measures) <= 20),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (prosecution_id, migrant_id)
      );
      CREATE INDEX witnesses_prosecution_id ON witnesses (prosecution_id);
      CREATE INDEX witnesses_migrant_id ON witnesses (migrant_id);
      CREATE TABLE mla_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        prosecution_id uuid NOT NULL REFERENCES prosecutions(id),
        type text NOT NULL CHECK (type IN ('EVIDENCE','TESTIMONY','SEARCH_AND_SEIZURE','ASSET_FREEZE','JOINT_INVESTIGATION_TEAM')),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','TRANSMITTED','ACKNOWLEDGED','INFORMATION_REQUESTED','IN_EXECUTION','POSTPONED','EXECUTED','PARTIALLY_EXECUTED','REFUSED','WITHDRAWN')),
        requesting_country char(3) NOT NULL,
        requested_country char(3) NOT NULL,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (requesting_country <> requested_country),
        CHECK (updated_at >= created_at)
      );
      CREATE INDEX mla_requests_prosecution_id ON mla_requests (prosecution_id, created_at);
      CREATE TABLE case_law (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        citation text NOT NULL UNIQUE CHECK (length(citation) BETWEEN 1 AND 300),
        jurisdiction char(3) NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 1950 AND 2100),
        offences text[] NOT NULL DEFAULT '{}'
          CHECK (offences <@ ARRAY['SMUGGLING_OF_MIGRANTS','ENABLING_ILLEGAL_STAY','DOCUMENT_FRAUD','TRAFFICKING_IN_PERSONS','PARTICIPATION_IN_ORGANIZED_CRIMINAL_GROUP','MONEY_LAUNDERING']::text[]),
        aggravations text[] NOT NULL DEFAULT '{}'
          CHECK (aggravations <@ ARRAY['ENDANGERING_LIFE','INHUMAN_OR_DEGRADING_TREATMENT']::text[]),
        sea_mode boolean NOT NULL,
        holding text NOT NULL CHECK (length(holding) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX case_law_year ON case_law (year DESC, citation);
      CREATE TABLE prosecution_case_law (
        prosecution_id uuid NOT NULL REFERENCES prosecutions(id),
        case_law_id uuid NOT NULL REFERENCES case_law(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (prosecution_id, case_law_id)
      );
      CREATE INDEX prosecution_case_law_case_law_id ON prosecution_case_law (case_law_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE prosecution_case_law; DROP TABLE case_law; DROP TABLE mla_requests; DROP TABLE witnesses;
      DROP TABLE charges; DROP TABLE defendants; DROP TABLE prosecutions;
    `);
  }
}
