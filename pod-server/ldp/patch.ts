import type { ServerResponse } from 'node:http';
import { Conflict, UnsupportedMediaType } from '../../service-kit/errors.ts';
import { isInboxPath } from '../consent/layout.ts';
import { readBody } from '../../service-kit/http/body.ts';
import { inputBudget } from '../http/work-budget.ts';
import { checkWritePreconditions } from '../http/preconditions.ts';
import { N3, SPARQL_UPDATE, TURTLE, essence, isRdfType } from '../rdf/media-types.ts';
import { parseN3Patch } from '../rdf/n3-patch.ts';
import { applyPatch, patchBudget, patchModes, type PatchOperation } from '../rdf/patch.ts';
import { parseRdf } from '../rdf/parse.ts';
import { writeRdf } from '../rdf/serialize.ts';
import { parseSparqlUpdate } from '../rdf/sparql-update.ts';
import { isContainerPath } from '../storage/store.ts';
import type { AccessMode } from '../auth/wac.ts';
import { authorize, logGrantUse, type LdpContext, type LdpRequest } from './context.ts';
import { ACCEPT_PATCH } from './headers.ts';
import { checkNamespace, creationNeeds, finish, rejectContainment, requireContentType, writeAndForget } from './write.ts';

/** PATCH with N3 Patch or SPARQL Update; a missing resource is created from an empty document. */
export async function patch(context: LdpContext, request: LdpRequest, response: ServerResponse): Promise<void> {
  const { path } = request;
  const type = essence(requireContentType(request));
  if (type !== N3 && type !== SPARQL_UPDATE) throw new UnsupportedMediaType(`PATCH accepts ${ACCEPT_PATCH}, not ${type}`);
  const body = (await readBody(request.raw, context.maxBodyBytes)).toString('utf8');
  const operations: PatchOperation[] = type === N3 ? [parseN3Patch(body, request.url)] : parseSparqlUpdate(body, request.url);
  if (isContainerPath(path)) rejectContainment(operations.flatMap((op) => [...op.inserts, ...op.deletes]));

  const existing = await context.store.metadata(path);
  const modes = patchModes(operations);
  // An inbox is appended to by strangers: Append there creates members (POST), it does not let
  // anyone edit the inbox's own description, so a PATCH to it needs Write.
  const change: AccessMode = modes.write || isInboxPath(path) ? 'write' : 'append';
  const needs = existing ? [{ path, mode: change }] : await creationNeeds(context, path, change);
  if (modes.read) needs.push({ path, mode: 'read' });
  await authorize(context, request, needs);

  const created = await context.patchQueue.run(path, () => applyAndStore(context, request, response, operations));
  await logGrantUse(context, request);
  finish(context, response, path, created, true);
}

/**
 * Patches what was read and stores it only if nobody wrote in between (a PUT or DELETE does
 * not wait in the patch queue); if somebody did, it starts again from the new version.
 * Resolves to whether the resource was created.
 */
async function applyAndStore(context: LdpContext, request: LdpRequest, response: ServerResponse, operations: PatchOperation[]): Promise<boolean> {
  const { path } = request;
  for (let attempt = 0; ; attempt++) {
    const current = await context.store.read(path);
    checkWritePreconditions(request.raw, current);
    if (current && !isContainerPath(path) && !isRdfType(current.contentType)) {
      throw new Conflict(`${path} is ${current.contentType}, not RDF, so it cannot be patched`, 'not_rdf');
    }
    if (!current) await checkNamespace(context, path);
    const document = current?.body.length ? await parseRdf(current.body.toString('utf8'), TURTLE, request.url, inputBudget(request.raw, 'Reading the document to patch')) : [];
    const result = Buffer.from(await writeRdf(applyPatch(document, operations, patchBudget(request.raw)), 'Turtle', inputBudget(request.raw, 'Writing the patched document')));
    try {
      await writeAndForget(context, path, result, TURTLE, response, (now) => {
        if (now?.etag !== current?.etag) throw new ChangedMeanwhile();
      });
      return !current;
    } catch (error) {
      if (!(error instanceof ChangedMeanwhile)) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new Conflict('The resource kept changing while the patch was applied; try again', 'patch_contention');
    }
  }
}

const MAX_ATTEMPTS = 8;
class ChangedMeanwhile extends Error {}
