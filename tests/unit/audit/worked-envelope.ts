import type { AuditEnvelope } from "../../../server/audit/chain-hash";

/** The envelope of the README's worked examples ("Audit trail" and "Merkle tree and signed checkpoints"). */
export const envelope: AuditEnvelope = {
  position: 42,
  timestamp: "2026-03-01T09:30:00.123456Z",
  eventId: "6f1c1f3e-8a53-4c1e-9d6b-2b4a57a0c001",
  eventType: "TaskRenamed",
  eventVersion: 1,
  aggregateType: "task",
  aggregateId: "0b7e3c2a-5d41-4f0e-8c3b-7a9d1e2f3a40",
  version: 3,
  projectId: "c0ffee00-0000-4000-8000-000000000001",
  payload: { title: "Größe – “quoted”\n" },
  metadata: { userId: "u1", correlationId: "r1", causationId: "c1" },
};
