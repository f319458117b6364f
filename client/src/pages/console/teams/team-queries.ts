import { graphql } from '../../../gql';

export const TeamsOfDrawQuery = graphql(`
  query ConsoleTeamsOfDraw($drawId: ID!) {
    draw(id: $drawId) { id status task { id name windowStart windowEnd executingDepartment { id name } } }
    teamDraws(drawId: $drawId) { id kind label teamSize targets staffed unstaffed drawnAt drawnBy department { id name } }
    unstaffedVisits(drawId: $drawId, page: { take: 200 }) {
      totalItems
      remedies { kind text mutation departments { id name } }
      items {
        publicId
        reason
        explanation
        eligible
        needed
        missingGroups { kind value text }
        excluded { reason count text }
        visit { id status target { name } }
      }
    }
    visits(filter: { drawId: $drawId }, page: { take: 500 }) {
      totalItems
      items {
        ...ConsoleVisitSummary
        target { name address }
        members { id role source inspector { id name } department { name } }
      }
    }
  }
`);

export const AppointCandidatesQuery = graphql(`
  query ConsoleAppointCandidates($on: String!) {
    inspectors(filter: { active: true, certificateValidOn: $on }, page: { take: 500 }) {
      items { id name certificateNumber department { id name } }
    }
  }
`);

export const MemberChangesQuery = graphql(`
  query ConsoleMemberChanges($visitId: ID!) {
    memberChanges(visitId: $visitId) {
      id
      kind
      status
      reason
      requestedAt
      requestedBy
      decidedAt
      decidedBy
      inspector { id name }
      replacementInspector { id name }
      otherVisit { id publicId }
    }
  }
`);

/** The answer to a team draw, of either kind. */
export const TeamDrawOutcomeFields = graphql(`
  fragment ConsoleTeamDrawOutcome on TeamDrawOutcome {
    visits
    staffed
    unstaffedCount
    teamDraw { id kind staffed unstaffed }
  }
`);

export const DrawTeamsMutation = graphql(`
  mutation ConsoleDrawTeams($drawId: ID!) {
    drawTeams(drawId: $drawId) { ...ConsoleTeamDrawOutcome }
  }
`);

export const DrawCrossRegionTeamsMutation = graphql(`
  mutation ConsoleDrawCrossRegionTeams($drawId: ID!, $departmentIds: [ID!]!) {
    drawCrossRegionTeams(drawId: $drawId, neighbourDepartmentIds: $departmentIds) { ...ConsoleTeamDrawOutcome }
  }
`);

export const AppointTeamMutation = graphql(`
  mutation ConsoleAppointTeam($visitId: ID!, $inspectorIds: [ID!]!, $reason: String!) {
    appointTeam(visitId: $visitId, inspectorIds: $inspectorIds, reason: $reason) { id status members { id role inspector { id name } } }
  }
`);

export const RequestReplacementMutation = graphql(`
  mutation ConsoleRequestReplacement($visitId: ID!, $inspectorId: ID!, $reason: String!) {
    requestReplacement(visitId: $visitId, inspectorId: $inspectorId, reason: $reason) { id kind status }
  }
`);

export const RequestRecusalMutation = graphql(`
  mutation ConsoleRequestRecusal($visitId: ID!, $inspectorId: ID!, $reason: String!, $swapWith: SwapWithInput) {
    requestRecusal(visitId: $visitId, inspectorId: $inspectorId, reason: $reason, swapWith: $swapWith) { id kind status }
  }
`);

export const ApproveMemberChangeMutation = graphql(`
  mutation ConsoleApproveMemberChange($changeId: ID!) {
    approveMemberChange(changeId: $changeId) { id status decidedBy replacementInspector { id name } }
  }
`);

export const RejectMemberChangeMutation = graphql(`
  mutation ConsoleRejectMemberChange($changeId: ID!, $reason: String) {
    rejectMemberChange(changeId: $changeId, reason: $reason) { id status decidedBy }
  }
`);
