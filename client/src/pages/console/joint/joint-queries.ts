import { graphql } from '../../../gql';

/** One department's participation in a joint task, as the lead and the invited department both see it. */
export const ParticipantFields = graphql(`
  fragment ConsoleParticipant on TaskParticipant {
    id
    status
    note
    invitedAt
    invitedBy
    respondedAt
    respondedBy
    department { id name }
    items { id name version }
  }
`);

export const MyParticipationsQuery = graphql(`
  query ConsoleMyParticipations {
    myJointTaskParticipations {
      ...ConsoleParticipant
      taskId
      taskName
      task { id name windowStart windowEnd department { id name } }
    }
  }
`);

export const LeadTaskQuery = graphql(`
  query ConsoleJointLeadTask($id: ID!) {
    task(id: $id) {
      id
      name
      joint
      windowStart
      windowEnd
      department { id name }
      draws { id status }
      participants { ...ConsoleParticipant }
    }
  }
`);

export const InvitableDepartmentsQuery = graphql(`
  query ConsoleInvitableDepartments($kind: DepartmentKind, $regionCode: String) {
    invitableDepartments(kind: $kind, regionCode: $regionCode) { id name kind regionCode }
  }
`);

export const OwnActiveItemsQuery = graphql(`
  query ConsoleOwnActiveItems($departmentId: ID!) {
    inspectionItems(filter: { active: true, departmentId: $departmentId }, page: { take: 500 }) {
      items { id code current { name version kind } }
    }
  }
`);

export const InviteParticipantMutation = graphql(`
  mutation ConsoleInviteParticipant($taskId: ID!, $departmentId: ID!, $note: String) {
    inviteParticipant(taskId: $taskId, departmentId: $departmentId, note: $note) { id status }
  }
`);

export const RespondToInvitationMutation = graphql(`
  mutation ConsoleRespondToInvitation($taskId: ID!, $response: ParticipantResponse!, $note: String) {
    respondToInvitation(taskId: $taskId, response: $response, note: $note) { id status respondedAt }
  }
`);

export const AddParticipantItemsMutation = graphql(`
  mutation ConsoleAddParticipantItems($taskId: ID!, $itemIds: [ID!]!) {
    addParticipantItems(taskId: $taskId, itemIds: $itemIds) { id status items { id name version } }
  }
`);

export const WithdrawParticipantMutation = graphql(`
  mutation ConsoleWithdrawParticipant($taskId: ID!, $departmentId: ID!, $reason: String!) {
    withdrawParticipant(taskId: $taskId, departmentId: $departmentId, reason: $reason) { id status }
  }
`);
