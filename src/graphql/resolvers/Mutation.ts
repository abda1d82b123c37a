import { requireRole } from '../../auth/guard';
import { createToken, revokeToken } from '../../auth/tokens';
import type { NodeKindName, RelationshipTypeName } from '../../model/model';
import { readFact, createNode, createRelationship, retract, restore, updateFact, type FactRow, type WriteRow } from '../../writes/facts';
import type { ChangeRow } from '../../writes/changeLog';
import { runWrite, type Outcome } from '../../writes/run';
import { addSource, type SourceWriteRow } from '../../writes/sources';
import { idArg, textArg } from '../arguments';
import type { Context } from '../context';
import { notFound } from '../errors';
import type { MutationResolvers } from '../generated/types';

/** The answer to a write, or to its retry: the change it made, and the fact as it is now. */
async function answer(ctx: Context, outcome: Outcome<{ fact: FactRow; changes: ChangeRow[] }>): Promise<WriteRow> {
  if (!outcome.replayed) {
    const { fact, changes } = outcome.value;
    return { id: fact.id, version: fact.version, change: changes[0]!, fact };
  }
  const { change } = outcome;
  const fact = await readFact(ctx.db, change.factId!);
  if (!fact) throw notFound('node or relationship', change.factId!);
  return { id: fact.id, version: fact.version, change, fact };
}

const MAX_TOKEN_NAME = 200;

export const Mutation: MutationResolvers = {
  async addSource(_p, { input, idempotencyKey }, ctx): Promise<SourceWriteRow> {
    const outcome = await runWrite(ctx, { reason: input.reason, idempotencyKey }, (tx, author) => addSource(tx, input, author));
    return outcome.replayed ? { id: outcome.change.factId!, created: false, change: outcome.change } : outcome.value;
  },
  async createNode(_p, { input, idempotencyKey }, ctx) {
    if (input.id) idArg(input.id, 'input.id');
    const outcome = await runWrite(ctx, { reason: input.reason, idempotencyKey }, (tx, author) =>
      createNode(tx, { kind: input.kind as NodeKindName, id: input.id, fields: input.fields, evidence: input.evidence }, author),
    );
    return answer(ctx, outcome);
  },
  async createRelationship(_p, { input, idempotencyKey }, ctx) {
    idArg(input.from, 'input.from');
    idArg(input.to, 'input.to');
    const outcome = await runWrite(ctx, { reason: input.reason, idempotencyKey }, (tx, author) =>
      createRelationship(tx, { ...input, type: input.type as RelationshipTypeName }, author),
    );
    return answer(ctx, outcome);
  },
  async updateNode(_p, { input, idempotencyKey }, ctx) {
    idArg(input.id, 'input.id');
    const outcome = await runWrite(ctx, { reason: input.reason, idempotencyKey }, (tx, author) => updateFact(tx, 'NODE', input, author));
    return answer(ctx, outcome);
  },
  async updateRelationship(_p, { input, idempotencyKey }, ctx) {
    textArg(input.id, 'input.id', 1000);
    const outcome = await runWrite(ctx, { reason: input.reason, idempotencyKey }, (tx, author) => updateFact(tx, 'RELATIONSHIP', input, author));
    return answer(ctx, outcome);
  },
  async retract(_p, { id, reason, version, idempotencyKey }, ctx) {
    textArg(id, 'id', 1000);
    textArg(reason, 'reason', 2000);
    const outcome = await runWrite(ctx, { reason, idempotencyKey }, (tx, author) => retract(tx, id, version ?? null, author));
    return answer(ctx, outcome);
  },
  async restore(_p, { id, reason, idempotencyKey }, ctx) {
    textArg(id, 'id', 1000);
    textArg(reason, 'reason', 2000);
    const outcome = await runWrite(ctx, { reason, idempotencyKey }, (tx, author) => restore(tx, id, author));
    return answer(ctx, outcome);
  },
  async createToken(_p, { role, name }, ctx) {
    const admin = requireRole(ctx, 'admin');
    textArg(name, 'name', MAX_TOKEN_NAME);
    const { token, secret } = await createToken(ctx.db, role, name, admin.id);
    return { token, secret };
  },
  async revokeToken(_p, { id }, ctx) {
    const admin = requireRole(ctx, 'admin');
    idArg(id, 'id');
    const token = await revokeToken(ctx.db, id, admin.id);
    if (!token) throw notFound('token', id);
    return token;
  },
};
