/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CasesPage($first: Int, $after: String) {\n  cases(first: $first, after: $after, filter: {includeHits: true}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        reference\n        ownerCountry\n        releasable\n        status\n        summary\n        prosecution {\n          id\n          stage\n        }\n      }\n    }\n  }\n}": typeof types.CasesPageDocument,
    "query DetectionsBySeaArea($filter: StatisticsFilter) {\n  detectionStatistics(groupBy: [SEA_AREA], filter: $filter) {\n    k\n    suppressedBuckets\n    total {\n      detections\n      personsOnBoard\n      deaths\n      missing\n    }\n    buckets {\n      seaArea\n      detections\n      personsOnBoard\n      suppressed\n    }\n  }\n}": typeof types.DetectionsBySeaAreaDocument,
};
const documents: Documents = {
    "query CasesPage($first: Int, $after: String) {\n  cases(first: $first, after: $after, filter: {includeHits: true}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        reference\n        ownerCountry\n        releasable\n        status\n        summary\n        prosecution {\n          id\n          stage\n        }\n      }\n    }\n  }\n}": types.CasesPageDocument,
    "query DetectionsBySeaArea($filter: StatisticsFilter) {\n  detectionStatistics(groupBy: [SEA_AREA], filter: $filter) {\n    k\n    suppressedBuckets\n    total {\n      detections\n      personsOnBoard\n      deaths\n      missing\n    }\n    buckets {\n      seaArea\n      detections\n      personsOnBoard\n      suppressed\n    }\n  }\n}": types.DetectionsBySeaAreaDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CasesPage($first: Int, $after: String) {\n  cases(first: $first, after: $after, filter: {includeHits: true}) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        reference\n        ownerCountry\n        releasable\n        status\n        summary\n        prosecution {\n          id\n          stage\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').CasesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DetectionsBySeaArea($filter: StatisticsFilter) {\n  detectionStatistics(groupBy: [SEA_AREA], filter: $filter) {\n    k\n    suppressedBuckets\n    total {\n      detections\n      personsOnBoard\n      deaths\n      missing\n    }\n    buckets {\n      seaArea\n      detections\n      personsOnBoard\n      suppressed\n    }\n  }\n}"): typeof import('./graphql.js').DetectionsBySeaAreaDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
