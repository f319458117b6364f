import { graphql } from '../../../gql';

export const VisitsQuery = graphql(`
  query ConsoleVisits($filter: VisitFilter, $page: PageInput!) {
    visits(filter: $filter, page: $page) {
      totalItems
      items {
        id
        publicId
        status
        windowStart
        windowEnd
        merged
        taskCount
        target { name }
        leadDepartment { id name }
        tasks { taskId taskName department { id name } }
      }
    }
  }
`);

export const VisitDetailQuery = graphql(`
  query ConsoleVisitDetail($id: ID!) {
    visit(id: $id) {
      id
      publicId
      status
      version
      windowStart
      windowEnd
      merged
      target { name address }
      leadDepartment { id name }
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
