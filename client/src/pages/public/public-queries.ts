import { graphql } from '../../gql';

export const AnnouncementsQuery = graphql(`
  query PublicAnnouncements($page: PageInput!) {
    taskAnnouncements(page: $page) {
      totalItems
      items {
        drawId
        taskName
        departmentName
        executingDepartmentName
        windowStart
        windowEnd
        announcedAt
        targetCount
      }
    }
  }
`);

export const AnnouncementQuery = graphql(`
  query PublicAnnouncement($drawId: ID!) {
    taskAnnouncement(drawId: $drawId) {
      drawId
      taskName
      departmentName
      executingDepartmentName
      windowStart
      windowEnd
      items
      announcedAt
      commitment
      targetCount
      recordUrl
      targets {
        publicId
        name
        regionCode
        segment
      }
    }
  }
`);

export const PublicRecordQuery = graphql(`
  query PublicDrawRecord($id: ID!) {
    drawRecord(id: $id)
  }
`);
