import { graphql } from '../../../gql';

export const DrawDetailQuery = graphql(`
  query ConsoleDrawDetail($id: ID!) {
    draw(id: $id) {
      id
      status
      commitment
      beaconSource
      beacon
      seed
      paceMs
      batchSize
      scheduledAt
      openedAt
      entropyClosesAt
      revealedAt
      completedAt
      lockedAt
      voidedAt
      voidReason
      lastSeq
      task { id name executingDepartment { id name } }
      segments { position label poolSize count excludedCount poolDigest }
      witnesses { id displayName organisation invitedAt inviteExpiresAt joinedAt acknowledgedAt }
      entropy { ordinal text digest acceptedAt }
      picks(page: { take: 100 }) { totalItems items { segmentPosition ordinal publicId } }
    }
  }
`);

export const DrawEventsSubscription = graphql(`
  subscription ConsoleDrawEvents($drawId: ID!, $afterSeq: Int!) {
    drawEvents(drawId: $drawId, afterSeq: $afterSeq) { seq type at }
  }
`);

export const ScheduleDrawMutation = graphql(`
  mutation ConsoleScheduleDraw($taskId: ID!, $input: ScheduleDrawInput!) {
    scheduleDraw(taskId: $taskId, input: $input) { id status }
  }
`);

export const OpenDrawMutation = graphql(`
  mutation ConsoleOpenDraw($id: ID!) {
    openDraw(id: $id) { id status openedAt }
  }
`);

export const RevealDrawMutation = graphql(`
  mutation ConsoleRevealDraw($id: ID!, $beacon: String) {
    revealDraw(id: $id, beacon: $beacon) { id status revealedAt completedAt }
  }
`);

export const LockDrawMutation = graphql(`
  mutation ConsoleLockDraw($id: ID!) {
    lockDraw(id: $id) { id status lockedAt }
  }
`);

export const VoidDrawMutation = graphql(`
  mutation ConsoleVoidDraw($id: ID!, $reason: String!) {
    voidDraw(id: $id, reason: $reason) { id status voidedAt voidReason }
  }
`);

export const InviteWitnessMutation = graphql(`
  mutation ConsoleInviteWitness($drawId: ID!, $input: InviteWitnessInput!) {
    inviteWitness(drawId: $drawId, input: $input) {
      inviteToken
      invitePath
      witness { id displayName organisation inviteExpiresAt }
    }
  }
`);
