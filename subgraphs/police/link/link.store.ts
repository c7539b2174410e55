import type { DataSource } from 'typeorm';
import type { DocumentKind } from '../person/person.enums.js';
import type { LinkKind } from './link.enums.js';

/** One thing a case (`caseId`, one of the keys) shares with another (`otherId`), named from the key case's side. */
export interface LinkRow {
  caseId: string;
  otherId: string;
  kind: LinkKind;
  vesselId: string | null;
  personId: string | null;
  networkId: string | null;
  phone: string | null;
  documentKind: DocumentKind | null;
  documentNumber: string | null;
  documentCountry: string | null;
  distanceKm: number | null;
  since: Date;
}

/** Kilometres per degree of latitude (mean Earth radius 6371.0088 km × π / 180). */
const KM_PER_DEGREE = 111.195;

/**
 * Every link of a batch of cases in one statement: a UNION ALL of the six kinds, each starting
 * from the key cases' own rows and reaching the other cases through an index:
 * - VESSEL: detections (vessel_id, case_id) — detections_vessel_case;
 * - PERSON: suspects (person_id) — suspects_person;
 * - PHONE: person_phones (person_id, e164) primary key, then (e164) — person_phones_e164;
 * - DOCUMENT: person_documents (person_id), then (issuing_country, kind, number) — its unique index;
 * - NETWORK: cases (network_id) — cases_network_id, suspects (network_id) — suspects_network_id;
 * - ROUTE: detections inside a latitude/longitude box around each of the key cases' detections —
 *   the GiST index detections_position on point(longitude, latitude) — then the haversine distance.
 *   The box is widened in longitude by the cosine of the latitude farther from the equator (at most
 *   the whole circle, near a pole). A box reaching past 180° is also looked up shifted by 360° (the
 *   `wrap` rows: one more GiST probe only for detections that close to the antimeridian), and the
 *   haversine distance needs no wrap (its sine of half the longitude difference is 360°-periodic).
 * The key side is one page of cases: its suspects' phones and documents are looked up per suspect
 * (`OFFSET 0` keeps the planner from turning the lookup into a hash join over the whole table,
 * which it prefers while the identifier tables are small).
 * Identifiers are taken from the key case's rows, so nothing names a value only the other case holds.
 * Each key case keeps its `perCase` most recent linked cases (ties by id, so pages are stable).
 */
const LINKS_SQL = `/* link.byCaseIds */
WITH bases AS (
  SELECT d1.case_id, d2.case_id AS other_id, 'VESSEL'::text AS kind, d1.vessel_id, NULL::uuid AS person_id, NULL::uuid AS network_id,
         NULL::text AS phone, NULL::text AS document_kind, NULL::text AS document_number, NULL::text AS document_country,
         NULL::float8 AS distance_km, min(greatest(d1.detected_at, d2.detected_at)) AS since
    FROM detections d1 JOIN detections d2 ON d2.vessel_id = d1.vessel_id AND d2.case_id <> d1.case_id
   WHERE d1.case_id = ANY($1::uuid[]) AND d1.vessel_id IS NOT NULL
   GROUP BY d1.case_id, d2.case_id, d1.vessel_id
  UNION ALL
  SELECT s1.case_id, s2.case_id, 'PERSON'::text, NULL::uuid, s1.person_id, NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text,
         NULL::float8, min(greatest(s1.created_at, s2.created_at))
    FROM suspects s1 JOIN suspects s2 ON s2.person_id = s1.person_id AND s2.case_id <> s1.case_id
   WHERE s1.case_id = ANY($1::uuid[]) AND s1.person_id IS NOT NULL
   GROUP BY s1.case_id, s2.case_id, s1.person_id
  UNION ALL
  SELECT s1.case_id, s2.case_id, 'PHONE'::text, NULL::uuid, NULL::uuid, NULL::uuid, p1.e164, NULL::text, NULL::text, NULL::text,
         NULL::float8, min(greatest(s1.created_at, s2.created_at))
    FROM suspects s1
    CROSS JOIN LATERAL (SELECT p.e164 FROM person_phones p WHERE p.person_id = s1.person_id OFFSET 0) p1
    JOIN person_phones p2 ON p2.e164 = p1.e164
    JOIN suspects s2 ON s2.person_id = p2.person_id AND s2.case_id <> s1.case_id
   WHERE s1.case_id = ANY($1::uuid[])
   GROUP BY s1.case_id, s2.case_id, p1.e164
  UNION ALL
  SELECT s1.case_id, s2.case_id, 'DOCUMENT'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, p1.kind, p1.number, p1.issuing_country::text,
         NULL::float8, min(greatest(s1.created_at, s2.created_at))
    FROM suspects s1
    CROSS JOIN LATERAL (SELECT p.kind, p.number, p.issuing_country FROM person_documents p WHERE p.person_id = s1.person_id OFFSET 0) p1
    JOIN person_documents p2 ON p2.issuing_country = p1.issuing_country AND p2.kind = p1.kind AND p2.number = p1.number
    JOIN suspects s2 ON s2.person_id = p2.person_id AND s2.case_id <> s1.case_id
   WHERE s1.case_id = ANY($1::uuid[])
   GROUP BY s1.case_id, s2.case_id, p1.kind, p1.number, p1.issuing_country
  UNION ALL
  SELECT n1.case_id, n2.case_id, 'NETWORK'::text, NULL::uuid, NULL::uuid, n1.network_id, NULL::text, NULL::text, NULL::text, NULL::text,
         NULL::float8, min(greatest(n1.at, n2.at))
    FROM (SELECT c.id AS case_id, c.network_id, c.opened_at AS at FROM cases c
           WHERE c.id = ANY($1::uuid[]) AND c.network_id IS NOT NULL
          UNION ALL
          SELECT s.case_id, s.network_id, s.created_at FROM suspects s
           WHERE s.case_id = ANY($1::uuid[]) AND s.network_id IS NOT NULL) n1
    CROSS JOIN LATERAL (
          SELECT c.id AS case_id, c.opened_at AS at FROM cases c WHERE c.network_id = n1.network_id
          UNION ALL
          SELECT s.case_id, s.created_at FROM suspects s WHERE s.network_id = n1.network_id) n2
   WHERE n2.case_id <> n1.case_id
   GROUP BY n1.case_id, n2.case_id, n1.network_id
  UNION ALL
  SELECT d1.case_id, d2.case_id, 'ROUTE'::text, NULL::uuid, NULL::uuid, NULL::uuid, NULL::text, NULL::text, NULL::text, NULL::text,
         round(min(distance.km)::numeric, 1)::float8, min(greatest(d1.detected_at, d2.detected_at))
    FROM detections d1
    CROSS JOIN LATERAL (SELECT $2::float8 / ${KM_PER_DEGREE} AS lat,
                               least($2::float8 / ${KM_PER_DEGREE} / greatest(cos(radians(least(abs(d1.latitude) + $2::float8 / ${KM_PER_DEGREE}, 89.9))), 0.01), 180) AS lon) AS box
    CROSS JOIN (VALUES (-360::float8), (0::float8), (360::float8)) AS wrap(shift)
    JOIN detections d2
      ON point(d2.longitude, d2.latitude) <@ box(point(d1.longitude + wrap.shift - box.lon, d1.latitude - box.lat),
                                                 point(d1.longitude + wrap.shift + box.lon, d1.latitude + box.lat))
     AND d2.case_id <> d1.case_id
    CROSS JOIN LATERAL (SELECT 2 * 6371.0088 * asin(least(1, sqrt(
             power(sin(radians(d2.latitude - d1.latitude) / 2), 2)
           + cos(radians(d1.latitude)) * cos(radians(d2.latitude)) * power(sin(radians(d2.longitude - d1.longitude) / 2), 2)))) AS km) AS distance
   WHERE d1.case_id = ANY($1::uuid[]) AND distance.km <= $2::float8
     AND (wrap.shift = 0 OR (wrap.shift < 0 AND d1.longitude + box.lon > 180) OR (wrap.shift > 0 AND d1.longitude - box.lon < -180))
   GROUP BY d1.case_id, d2.case_id),
ranked AS (
  SELECT bases.*, dense_rank() OVER (PARTITION BY case_id ORDER BY latest DESC, other_id) AS position
    FROM (SELECT bases.*, max(since) OVER (PARTITION BY case_id, other_id) AS latest FROM bases) bases)
SELECT case_id AS "caseId", other_id AS "otherId", kind, vessel_id AS "vesselId", person_id AS "personId", network_id AS "networkId",
       phone, document_kind AS "documentKind", document_number AS "documentNumber", document_country AS "documentCountry",
       distance_km AS "distanceKm", since
  FROM ranked
 WHERE position <= $3
 ORDER BY case_id, latest DESC, other_id, since DESC, kind`;

/** SQL for case links, and nothing else: who may read them is the service's. */
export class LinkStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The links of these cases within `distanceKm` for routes, at most `perCase` linked cases each. */
  byCaseIds(caseIds: readonly string[], distanceKm: number, perCase: number): Promise<LinkRow[]> {
    return this.dataSource.query(LINKS_SQL, [[...caseIds], distanceKm, perCase]);
  }
}
