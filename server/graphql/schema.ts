import 'reflect-metadata';
import './enums';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from './resolvers';

/** Builds the executable schema from the resolver classes (also used to emit schema/schema.graphql). */
export function buildHubSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: resolvers as never,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
