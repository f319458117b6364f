import { graphql } from '../../gql';

/** The draw as the room first reads it: whether the viewer may watch, and how far its log has come. */
export const RoomDrawQuery = graphql(`
  query WitnessRoomDraw($id: ID!, $inviteToken: String) {
    draw(id: $id, inviteToken: $inviteToken) {
      id
      status
      lastSeq
      paceMs
      batchSize
    }
  }
`);

export const RoomRecordQuery = graphql(`
  query WitnessRoomRecord($id: ID!, $inviteToken: String) {
    drawRecord(id: $id, inviteToken: $inviteToken)
  }
`);

export const JoinDrawMutation = graphql(`
  mutation WitnessRoomJoin($drawId: ID!, $inviteToken: String) {
    joinDraw(drawId: $drawId, inviteToken: $inviteToken) {
      id
      displayName
      organisation
      joinedAt
      acknowledgedAt
    }
  }
`);

export const ContributeEntropyMutation = graphql(`
  mutation WitnessRoomContribute($drawId: ID!, $text: String!, $inviteToken: String) {
    contributeEntropy(drawId: $drawId, text: $text, inviteToken: $inviteToken) {
      ordinal
      digest
    }
  }
`);

export const AcknowledgeDrawMutation = graphql(`
  mutation WitnessRoomAcknowledge($drawId: ID!, $inviteToken: String) {
    acknowledgeDraw(drawId: $drawId, inviteToken: $inviteToken) {
      id
      displayName
      organisation
      joinedAt
      acknowledgedAt
    }
  }
`);
