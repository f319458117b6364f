import fs from 'node:fs';
import path from 'node:path';
import { renderSchema } from '../../server/cli/emit-schema';

test('schema/schema.graphql matches the schema the code builds (run `npm run schema:emit` after changing resolvers)', async () => {
  const committed = fs.readFileSync(path.resolve(__dirname, '../../schema/schema.graphql'), 'utf8');
  expect(await renderSchema()).toBe(committed);
});
