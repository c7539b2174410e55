import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consent names its recipient as data: the agency, one country or any (null), an optional expiry.
 * Today's free text is carried over honestly: the agency follows from the scope (the only thing that
 * was enforced), the country from a trailing "(XXX)" in the text, as the demo and partners wrote
 * it ("Policía Nacional (DOM)"). A text naming no country gets no recipient agency: reading "any
 * country" into it would repeat the fault this fixes, so it opens nothing until IOM records it again.
 * RESEARCH consents to an IOM body go to IOM; other RESEARCH texts stay unparsed (they open no read).
 */
export class ConsentRecipient1765000000401 implements MigrationInterface {
  name = 'ConsentRecipient1765000000401';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE consents
        ADD COLUMN recipient_agency text CHECK (recipient_agency IN ('POLICE','IOM','PROSECUTOR','ANALYST','PARTNER','AUDITOR')),
        ADD COLUMN recipient_country char(3) CHECK (recipient_country ~ '^[A-Z]{3}$'),
        ADD COLUMN expires_at timestamptz,
        ADD CONSTRAINT consents_expires_after_given CHECK (expires_at IS NULL OR expires_at > given_at);
      UPDATE consents
         SET recipient_agency = CASE scope WHEN 'SHARE_WITH_POLICE' THEN 'POLICE' ELSE 'PROSECUTOR' END,
             recipient_country = substring(recipient FROM '\\(([A-Z]{3})\\)\\s*$')
       WHERE scope IN ('SHARE_WITH_POLICE', 'SHARE_WITH_PROSECUTION', 'TESTIMONY')
         AND recipient ~ '\\([A-Z]{3}\\)\\s*$';
      UPDATE consents SET recipient_agency = 'IOM' WHERE scope = 'RESEARCH' AND recipient ~ '^IOM\\M';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE consents DROP CONSTRAINT consents_expires_after_given,
        DROP COLUMN expires_at, DROP COLUMN recipient_country, DROP COLUMN recipient_agency;
    `);
  }
}
