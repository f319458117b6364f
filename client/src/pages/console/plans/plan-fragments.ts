import { graphql } from '../../../gql';

/** Everything the plan pages show of one version; operations spread it by name (`...ConsolePlanVersionFields`) and codegen inlines it. */
export const PlanVersionFields = graphql(`
  fragment ConsolePlanVersionFields on PlanVersion {
    id
    version
    status
    revision
    title
    adjustmentReason
    adoptedOn
    adoptedBy
    documentNumber
    filingDeadline
    filingState
    overdue
    superseded
    createdAt
    createdBy
    levelSplit {
      provincePercent
      cityPercent
      countyPercent
    }
    regionalWeights {
      regionCode
      weight
      sharePercent
      region {
        code
        name
      }
    }
    batches {
      id
      position
      name
      startDate
      endDate
      estimatedCount
      scopeTargetCount
      targetTypes
      specialDirectories
      regionCodes
      regions {
        code
        name
      }
      items {
        id
        code
        current {
          id
          name
          kind
          ratioMinPercent
          ratioMaxPercent
        }
      }
    }
    filings {
      recipient
      filed
      filedOn
      filedAt
      filedBy
      late
      overdue
      documentNumber
      recipientName
      recipientDepartment {
        id
        name
      }
    }
    uncoveredItems {
      id
      code
      current {
        id
        name
      }
    }
    warnings {
      kind
      message
      batchName
      item {
        id
        code
      }
    }
  }
`);
