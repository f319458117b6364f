import { graphql } from '../../../gql';

/** What every list of visits shows of one (the merged-visit pages and the teams of a draw). */
export const VisitSummaryFields = graphql(`
  fragment ConsoleVisitSummary on Visit {
    id
    publicId
    status
    windowStart
    windowEnd
    leadDepartment { id name }
  }
`);

export const VisitsQuery = graphql(`
  query ConsoleVisits($filter: VisitFilter, $page: PageInput!) {
    visits(filter: $filter, page: $page) {
      totalItems
      items {
        ...ConsoleVisitSummary
        merged
        taskCount
        target { name }
        tasks { taskId taskName department { id name } }
      }
    }
  }
`);

export const VisitDetailQuery = graphql(`
  query ConsoleVisitDetail($id: ID!) {
    visit(id: $id) {
      ...ConsoleVisitSummary
      version
      merged
      target { name address }
      tasks { taskId taskName drawId automatic addedBy addedAt windowStart windowEnd department { id name } task { id } }
      items { own taskId item { id name version kind } }
      members { id role inspector { id name } }
      sameTargetVisits { id version status windowStart windowEnd leadDepartment { name } tasks { taskId taskName } }
    }
  }
`);

export const MergeRulesQuery = graphql(`
  query ConsoleMergeRules {
    mergeRules { code text }
  }
`);

export const MergeVisitsMutation = graphql(`
  mutation ConsoleMergeVisits($visitIds: [ID!]!, $reason: String!, $expectedVersions: [Int!]) {
    mergeVisits(visitIds: $visitIds, reason: $reason, expectedVersions: $expectedVersions) { id }
  }
`);

export const SplitVisitTaskMutation = graphql(`
  mutation ConsoleSplitVisitTask($visitId: ID!, $taskId: ID!, $reason: String!, $expectedVersion: Int) {
    splitVisitTask(visitId: $visitId, taskId: $taskId, reason: $reason, expectedVersion: $expectedVersion) {
      visit { id }
      splitVisit { id }
    }
  }
`);
