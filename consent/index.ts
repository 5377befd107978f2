// Public API of the consent package. Other packages (pod-server, connectors, examples) import from here only.
export * from './model.ts';
export { parseDuration, isDuration, addDuration, daysToDuration } from './duration.ts';
export { CJM, CDPV, ACL, PURPOSES, LEGAL_BASES, sectionIri, sectionOfIri } from './terms.ts';
export { requestToGraph, graphToRequest } from './rdf-request.ts';
export { recordToGraph, graphToRecord } from './rdf-record.ts';
export { serializeRequest, serializeRecord } from './serialize.ts';
export { parseConsentJsonLd, toConsentJsonLd, CONSENT_CONTEXT, CONSENT_CONTEXT_IRI } from './jsonld.ts';
export { validateAccessRequest, validateConsentRecord, CONSENT_SHAPES_TURTLE, CONSENT_SHAPES_IRI } from './validate.ts';
export type { Parsed } from './validate.ts';
export { decideGrant, grantFromRecord, explainDecision, normalizeUrl } from './decision.ts';
export type { Grant, Agent, Target, Decision, DenyReason } from './decision.ts';
export { buildRecord, withdrawRecord, expireRecord, parseDecisionBody, parseWithdrawalBody, DecisionError } from './records.ts';
export type { DecisionInput, RecordContext, DecisionErrorCode } from './records.ts';
export {
  signReceipt, verifyReceipt, receiptStatus, peekReceipt, generateReceiptKey, publicJwks, ReceiptError, RECEIPT_TYP, RECEIPT_ALG,
} from './receipt.ts';
export type { ReceiptClaims, SigningKey, KeySource, VerifyOptions, ReceiptStatus } from './receipt.ts';
export { appendEntry, serializeEntry, lastEntry, verifyChain, verifyRun, parseLog, canonical, entryHash, GENESIS } from './audit-log.ts';
export type { AccessLogEntry, AccessLogFields, ChainResult } from './audit-log.ts';
export { describeEntry } from './describe-entry.ts';
export type { Locale, DescribeOptions } from './describe-entry.ts';
export { notificationToTurtle, parseNotification } from './notifications.ts';
export type { ConsentNotification } from './notifications.ts';
export { RequesterClient, buildRequest, noticeHash } from './requester.ts';
export type { RequesterOptions, RequestInput, ReceivedConsent, RefusedConsent } from './requester.ts';
export { OwnerClient, isAccessRequest, isConsentRecord } from './owner.ts';
export type { OwnerOptions, DecisionResult, Page, PageOptions } from './owner.ts';
export { ConsentHttpError } from './http.ts';
export type { Fetch } from './http.ts';
