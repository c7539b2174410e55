/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a police case stands. */
export type CaseStatus =
  /** No further police action. */
  | 'CLOSED'
  /** Opened, typically on a detection at sea; no investigation assigned yet. */
  | 'OPEN'
  /** Handed to a prosecution office; see `Case.prosecution`. */
  | 'REFERRED_FOR_PROSECUTION'
  /** An investigation team works the case. */
  | 'UNDER_INVESTIGATION';

/** How far criminal proceedings against the smugglers of a case have gone. */
export type ProsecutionStage =
  /** A first-instance judgment is under appeal. */
  | 'APPEAL'
  /** Proceedings concluded; the verdicts are final. */
  | 'FINAL'
  /** Charges filed or an indictment brought before the court; trial not yet opened. */
  | 'INDICTMENT'
  /** The prosecutor directs or reviews the investigation; no charges filed yet. */
  | 'INVESTIGATION'
  /** Trial under way before the court of first instance. */
  | 'TRIAL';

/** Narrows a statistics query. Every given condition must hold. Windows are whole calendar months (UTC): `from` and `to` must each be the first instant of a month, e.g. 2026-03-01T00:00:00Z. */
export type StatisticsFilter = {
  /** Only events of this country (what "country" means is given on each statistics query). */
  country?: string | null | undefined;
  /** Only events at or after this instant: the first instant of a calendar month (UTC). */
  from?: string | null | undefined;
  /** Only events before this instant: the first instant of a calendar month (UTC), after `from`. */
  to?: string | null | undefined;
};

export type CasesPageQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CasesPageQuery = { cases: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, reference: string, ownerCountry: string, releasable: boolean, status: CaseStatus | null, summary: string | null, prosecution: { id: string, stage: ProsecutionStage } | null } }> } };

export type DetectionsBySeaAreaQueryVariables = Exact<{
  filter?: StatisticsFilter | null | undefined;
}>;


export type DetectionsBySeaAreaQuery = { detectionStatistics: { k: number, suppressedBuckets: number, total: { detections: number, personsOnBoard: number, deaths: number, missing: number }, buckets: Array<{ seaArea: string | null, detections: number | null, personsOnBoard: number | null, suppressed: boolean }> } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CasesPageDocument = new TypedDocumentString(`
    query CasesPage($first: Int, $after: String) {
  cases(first: $first, after: $after, filter: {includeHits: true}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        reference
        ownerCountry
        releasable
        status
        summary
        prosecution {
          id
          stage
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CasesPageQuery, CasesPageQueryVariables>;
export const DetectionsBySeaAreaDocument = new TypedDocumentString(`
    query DetectionsBySeaArea($filter: StatisticsFilter) {
  detectionStatistics(groupBy: [SEA_AREA], filter: $filter) {
    k
    suppressedBuckets
    total {
      detections
      personsOnBoard
      deaths
      missing
    }
    buckets {
      seaArea
      detections
      personsOnBoard
      suppressed
    }
  }
}
    `) as unknown as TypedDocumentString<DetectionsBySeaAreaQuery, DetectionsBySeaAreaQueryVariables>;