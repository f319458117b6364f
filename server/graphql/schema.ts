import 'reflect-metadata';
import './enums';
import { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from './resolvers';
import type { HubPubSub } from './pubsub';

/** Builds the executable schema from the resolver classes (also used to emit schema/schema.graphql). */
export function buildHubSchema(pubSub: HubPubSub): Promise<GraphQLSchema> {
  return buildSchema({
    pubSub: pubSub as never,
    resolvers: resolvers as never,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}
