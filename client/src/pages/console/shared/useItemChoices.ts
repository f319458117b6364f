import { useQuery } from 'urql';
import { useSession } from '../../../api/hub-context';
import { graphql } from '../../../gql';

const ItemChoicesQuery = graphql(`
  query ConsoleItemChoices($departmentId: ID) {
    inspectionItems(filter: { active: true, departmentId: $departmentId }, page: { take: 500 }) {
      items {
        id
        code
        current {
          id
          name
          kind
        }
      }
    }
  }
`);

/** The active catalog items of the user's own department (at most 500), to pick from in plans and policies; `options` for a RecordSelect. */
export function useItemChoices() {
  const session = useSession();
  const [result] = useQuery({ query: ItemChoicesQuery, variables: { departmentId: session?.departmentId ?? null } });
  const items = result.data?.inspectionItems.items ?? [];
  return { items, options: items.map((item) => ({ value: item.id, text: `${item.code} ${item.current.name}` })), error: result.error };
}
