import { graphql } from '../../gql';

/** Re-reads after live events go to the server, not to the cache. */
export const REREAD = { requestPolicy: 'network-only' } as const;

/** The newest draws the supervisor may watch, with the event number to follow the jurisdiction from. */
export const DashboardDrawsQuery = graphql(`
  query DashboardDraws($filter: DrawFilter, $page: PageInput) {
    draws(filter: $filter, page: $page) {
      totalItems
      globalSeq
      items {
        id
        status
        taskName
        scheduledAt
        entropyClosesAt
        department {
          id
          name
        }
      }
    }
  }
`);

export const DashboardEventsSubscription = graphql(`
  subscription DashboardJurisdictionEvents($after: Int) {
    jurisdictionDrawEvents(afterGlobalSeq: $after) {
      drawId
      globalSeq
      type
    }
  }
`);

export const DashboardOverviewQuery = graphql(`
  query DashboardOverview($region: String, $year: Int) {
    supervisionOverview(regionCode: $region, year: $year) {
      year
      asOf
      region {
        code
        name
        level
      }
      path {
        code
        name
      }
      totals {
        ...DashboardRegionFigures
      }
      departments {
        department {
          id
          name
        }
        targets
        drawnTargets
        coveragePercent
        minRatioPercent
        belowMinimum
        planStatus
        filingState
        filingDeadline
        tasks
        standingDraws
        overdueTasks
        overdueVisits
      }
      ratioCompliance {
        segments
        withinCap
        aboveCap
        withoutCap
      }
      yearlyCap {
        targetsDrawn
        drawnOnce
        drawnTwice
        drawnMoreThanTwice
        exempt
        breaches
        breachList {
          publicId
          drawId
          timesDrawn
          department {
            id
            name
          }
        }
      }
      tasksByStage {
        stage
        count
      }
      visits {
        total
        merged
        tasksInMerged
        visitsSaved
      }
      jointTasks {
        led
        participating
        invitationsPending
      }
      overdue {
        tasks
        visits
        planFilings
      }
      children {
        region {
          code
          name
        }
        figures {
          ...DashboardRegionFigures
        }
      }
    }
  }

  fragment DashboardRegionFigures on RegionFigures {
    departments
    targets
    drawnTargets
    coveragePercent
    plansFiled
    plansMissing
    plansOverdue
    standingDraws
    tasks
    overdueTasks
    overdueVisits
    mergedVisits
    jointTasksLed
    segmentsAboveCap
    capBreaches
  }
`);
