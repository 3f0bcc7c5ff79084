export { AUDIT_ACTIONS, type AuditAction } from "./actions";
export {
  appendAuditEvent,
  appendAuditEventNow,
  auditedChange,
  appendAuditEvents,
  audit,
  type AuditActor,
  type AuditContext,
  type AuditEventInput,
} from "./append";
export { verifyAuditChain, verifyAuditTrail, type AuditChainReport } from "./verify";
