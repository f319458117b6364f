import { graphql } from '../../../gql';

// The task section's operations (the draw section reads a task's draws through TaskDetailQuery too).

/** What the task list and a task's page both show of a task. */
export const TaskSummaryFields = graphql(`
  fragment ConsoleTaskSummary on Task {
    id
    name
    kind
    year
    windowStart
    windowEnd
    joint
    department { id name }
    executingDepartment { id name }
  }
`);

export const TasksQuery = graphql(`
  query ConsoleTasks($year: Int, $page: PageInput!) {
    tasks(year: $year, page: $page) {
      totalItems
      items {
        ...ConsoleTaskSummary
        draws { id status }
      }
    }
  }
`);

export const TaskDetailQuery = graphql(`
  query ConsoleTaskDetail($id: ID!) {
    task(id: $id) {
      ...ConsoleTaskSummary
      directedReason
      planBatchId
      createdAt
      itemContributions {
        lead
        department { id name }
        item { id name version kind ratioMaxPercent categoryCode }
      }
      segments {
        id
        label
        position
        ratioPercent
        fixedCount
        filter { types specialDirectories regionCode riskLevels creditClasses statuses minComplaints dishonest seriousViolation }
      }
      participants { id status department { id name } items { id name } }
      draws { id status scheduledAt entropyClosesAt lockedAt voidReason }
      visits(page: { take: 100 }) {
        totalItems
        items { id publicId status windowStart windowEnd merged target { name } }
      }
    }
  }
`);

export const PoolPreviewQuery = graphql(`
  query ConsoleTaskPoolPreview($id: ID!) {
    task(id: $id) {
      id
      poolPreview {
        countingRule
        segments {
          label
          poolSize
          count
          excludedCount
          excluded { targetId publicId reason reasonText }
        }
      }
    }
  }
`);

export const TaskFormOptionsQuery = graphql(`
  query ConsoleTaskFormOptions($year: Int!) {
    annualPlans(filter: { year: $year }, page: { take: 50 }) {
      items {
        id
        department { id name }
        inForce {
          id
          version
          title
          batches { id name startDate endDate items { id code current { name } } }
        }
      }
    }
    inspectionItems(filter: { active: true }, page: { take: 500 }) {
      items { id code department { id name } current { name kind } }
    }
    departments { id name }
  }
`);

export const CreateTaskMutation = graphql(`
  mutation ConsoleCreateTask($input: CreateTaskInput!) {
    createTask(input: $input) { id name }
  }
`);
