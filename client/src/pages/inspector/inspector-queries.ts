import { graphql } from '../../gql';

export const MyVisitsQuery = graphql(`
  query InspectorMyVisits {
    myVisits {
      id
      publicId
      status
      windowStart
      windowEnd
      target { name address phone legalRepresentative }
      leadDepartment { id name }
      tasks { taskId taskName department { name } }
      members { id role inspector { id name phone } department { name } }
      items {
        taskId
        own
        item {
          id
          name
          version
          checkContent
          methods
          checkForms { id name checkPoints { point method criterion followUp } }
        }
      }
    }
  }
`);

export const MyAssignmentsSubscription = graphql(`
  subscription InspectorAssignments {
    visitAssignments(scope: MINE) { globalSeq type visitCount }
  }
`);
