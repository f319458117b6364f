import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import { requireActor } from '../../graphql/context';
import type { RequestContext } from '../../graphql/context';
import { deferredIterator } from '../../graphql/direct-fanout';
import type { DirectSink } from '../../graphql/direct-fanout';
import { Task } from '../task/task.entity';
import * as actions from './draw-actions';
import { toMessages } from './draw-event-reader';
import type { DrawEventMessage } from './draw-events';
import { buildDrawRecord } from './draw-record';
import { effectiveStatus } from './draw-state';
import { Draw, DrawEntropy, DrawEvent, DrawPick, DrawSegment, DrawStatus, DrawWitness } from './draw.entity';
import { assertViewer, loadDraw } from './draw.policy';
import { scheduleDraw } from './schedule-draw.command';

@InputType()
class ScheduleDrawInput {
  @Field({ description: 'When witness entropy closes; the draw cannot start before it (published with the commitment)' }) entropyClosesAt: Date;
  @Field({ defaultValue: '', description: 'A public random value that becomes known only after the window closes (e.g. a lottery draw); empty for none' }) beaconSource: string;
  @Field(() => Int, { defaultValue: 0, description: 'Milliseconds between revealed batches of picks' }) paceMs: number;
  @Field(() => Int, { defaultValue: 100, description: 'Picks per revealed batch (1–400)' }) batchSize: number;
}

@InputType()
class InviteWitnessInput {
  @Field() displayName: string;
  @Field({ defaultValue: '' }) organisation: string;
  @Field(() => ID, { nullable: true, description: 'A user of the hub; without it, an invitation link is made' }) userId?: string | null;
  @Field(() => Int, { defaultValue: 24, description: 'How long the link is valid, in hours' }) validHours: number;
}

@ObjectType()
class WitnessInvitation {
  @Field(() => DrawWitness) witness: DrawWitness;
  @Field(() => String, { nullable: true, description: 'Shown once; pass it as inviteToken (or open the link)' }) inviteToken: string | null;
  @Field(() => String, { nullable: true }) invitePath: string | null;
}

@ObjectType({ description: 'One event of a draw, from its stored log' })
export class DrawEventView {
  @Field(() => ID) drawId: number;
  @Field(() => Int, { description: 'Sequence number within the draw; pass the last one seen to resume' }) seq: number;
  @Field(() => Int, { description: 'Hub-wide number, for jurisdiction streams' }) globalSeq: number;
  @Field({ description: 'SCHEDULED, WITNESS_INVITED, OPENED, WITNESS_JOINED, ENTROPY_ACCEPTED, REVEALED, PICKS, COMPLETED, LOCKED, VISITS_FORMED, ANNOUNCED, ACKNOWLEDGED, VOIDED; after the draw: VISITS_MERGED, VISIT_SPLIT, …' }) type: string;
  @Field({ description: 'ISO time the event became visible' }) at: string;
  @Field(() => GraphQLJSONObject) payload: Record<string, unknown>;
}

@ObjectType() class DrawPickList extends PaginatedList(DrawPick) {}

/** The same message object goes to every subscriber: nothing is computed per subscriber. */
const view = (message: DrawEventMessage): DrawEventView => message;

@Resolver(() => Draw)
export class DrawResolver {
  @Query(() => Draw)
  async draw(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('inviteToken', () => String, { nullable: true }) inviteToken?: string | null) {
    const draw = await loadDraw(ctx, Number(id));
    await assertViewer(ctx, draw, inviteToken);
    return draw;
  }

  @Query(() => GraphQLJSONObject, { description: 'The published record of a revealed draw: every input needed to recompute the picks (public once announced or voided)' })
  async drawRecord(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('inviteToken', () => String, { nullable: true }) inviteToken?: string | null) {
    const draw = await loadDraw(ctx, Number(id));
    if (![DrawStatus.ANNOUNCED, DrawStatus.VOIDED].includes(draw.status)) await assertViewer(ctx, draw, inviteToken);
    return buildDrawRecord(ctx.ds, draw);
  }

  @Mutation(() => Draw, { description: 'Forms the pools, fixes the counts and publishes the commitment' })
  scheduleDraw(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @Arg('input') input: ScheduleDrawInput) {
    return scheduleDraw(ctx, Number(taskId), input);
  }

  @Mutation(() => Draw) openDraw(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) { return actions.openDraw(ctx, Number(id)); }

  @Mutation(() => WitnessInvitation)
  async inviteWitness(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('input') input: InviteWitnessInput): Promise<WitnessInvitation> {
    const { witness, inviteToken } = await actions.inviteWitness(ctx, Number(drawId), { ...input, userId: input.userId ? Number(input.userId) : null });
    return { witness, inviteToken, invitePath: inviteToken ? `/draws/${drawId}/room?invite=${inviteToken}` : null };
  }

  @Mutation(() => DrawWitness)
  joinDraw(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('inviteToken', () => String, { nullable: true }) inviteToken?: string | null) {
    return actions.joinDraw(ctx, Number(drawId), inviteToken);
  }

  @Mutation(() => DrawEntropy, { description: 'A witness adds entropy (at most 256 characters) while the draw is open' })
  contributeEntropy(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('text') text: string, @Arg('inviteToken', () => String, { nullable: true }) inviteToken?: string | null) {
    return actions.contributeEntropy(ctx, Number(drawId), text, inviteToken);
  }

  @Mutation(() => Draw, { description: 'Reveals the secret and draws (after the entropy window closed)' })
  revealDraw(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('beacon', () => String, { nullable: true }) beacon?: string | null) {
    return actions.revealDraw(ctx, Number(id), beacon);
  }

  @Mutation(() => Draw, { description: 'Confirms the completed draw; publishes the task announcement' })
  lockDraw(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) { return actions.lockDraw(ctx, Number(id)); }

  @Mutation(() => DrawWitness)
  acknowledgeDraw(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('inviteToken', () => String, { nullable: true }) inviteToken?: string | null) {
    return actions.acknowledgeDraw(ctx, Number(drawId), inviteToken);
  }

  @Mutation(() => Draw, { description: 'Voids a draw before it is locked; it stays visible with the reason' })
  voidDraw(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) { return actions.voidDraw(ctx, Number(id), reason); }

  @Subscription(() => DrawEventView, {
    description: 'A draw as it happens: every stored event after `afterSeq`, then live. Resume by passing the last seq seen.',
    // A plain iterator rather than an async generator: its return() (graphql-ws calls it on `complete`
    // and when the socket closes) unregisters the subscriber at once, even while it waits for events.
    subscribe: ({ args, context }) => deferredIterator(async () => {
      const ctx = context as RequestContext & { directSink?: DirectSink };
      const draw = await loadDraw(ctx, Number(args.drawId));
      await assertViewer(ctx, draw, args.inviteToken as string | undefined);
      const afterSeq = Number(args.afterSeq ?? 0);
      return ctx.directSink ? ctx.drawFeed.followDrawDirect(draw.id, afterSeq, ctx.directSink) : ctx.drawFeed.followDraw(draw.id, afterSeq);
    }),
  })
  drawEvents(
    @Root() message: DrawEventMessage,
    @Arg('drawId', () => ID) _drawId: string,
    @Arg('afterSeq', () => Int, { defaultValue: 0 }) _afterSeq: number,
    @Arg('inviteToken', () => String, { nullable: true }) _inviteToken?: string | null,
  ): DrawEventView {
    return view(message);
  }

  @Subscription(() => DrawEventView, {
    description: 'Every draw event of the supervisor’s jurisdiction (its department and all below), in commit order',
    subscribe: ({ args, context }) => deferredIterator(async () => {
      const actor = requireActor(context as RequestContext);
      return (context as RequestContext).drawFeed.followJurisdiction(actor.departmentPath, args.afterGlobalSeq == null ? null : Number(args.afterGlobalSeq));
    }),
  })
  jurisdictionDrawEvents(@Root() message: DrawEventMessage, @Arg('afterGlobalSeq', () => Int, { nullable: true }) _after?: number | null): DrawEventView {
    return view(message);
  }

  @FieldResolver(() => DrawStatus) status(@Root() draw: Draw) { return effectiveStatus(draw); }

  @FieldResolver(() => String, { nullable: true, description: 'Known once revealed' })
  seed(@Root() draw: Draw) { return draw.revealedAt ? draw.seed : null; }

  @FieldResolver(() => String, { nullable: true }) beacon(@Root() draw: Draw) { return draw.revealedAt ? draw.beacon : null; }

  @FieldResolver(() => Task) task(@Root() draw: Draw, @Ctx() ctx: RequestContext) { return ctx.ds.getRepository(Task).findOneBy({ id: draw.taskId }); }

  @FieldResolver(() => [DrawSegment]) segments(@Root() draw: Draw, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(DrawSegment).find({ where: { drawId: draw.id }, order: { position: 'ASC' } });
  }

  @FieldResolver(() => [DrawWitness]) witnesses(@Root() draw: Draw, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(DrawWitness).find({ where: { drawId: draw.id }, order: { id: 'ASC' } });
  }

  @FieldResolver(() => [DrawEntropy]) entropy(@Root() draw: Draw, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(DrawEntropy).find({ where: { drawId: draw.id }, order: { ordinal: 'ASC' } });
  }

  @FieldResolver(() => DrawPickList, { description: 'The picks shown so far, in draw order' })
  async picks(@Root() draw: Draw, @Ctx() ctx: RequestContext, @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput) {
    if (!draw.revealedAt || effectiveStatus(draw) === DrawStatus.DRAWING) return { items: [], totalItems: 0 };
    const [items, totalItems] = await ctx.ds.getRepository(DrawPick).findAndCount({ where: { drawId: draw.id }, order: { segmentPosition: 'ASC', ordinal: 'ASC' }, skip: page.skip, take: page.take });
    return { items, totalItems };
  }

  @FieldResolver(() => [DrawEventView], { description: 'The stored event log (the same events the subscription sends)' })
  async events(@Root() draw: Draw, @Ctx() ctx: RequestContext, @Arg('afterSeq', () => Int, { defaultValue: 0 }) afterSeq: number) {
    const rows = await ctx.ds.getRepository(DrawEvent).createQueryBuilder('e').where('e.drawId = :id AND e.seq > :afterSeq AND e.visibleAt <= :now', { id: draw.id, afterSeq, now: new Date() }).orderBy('e.seq', 'ASC').take(1000).getMany();
    return toMessages(ctx.ds, rows);
  }
}

