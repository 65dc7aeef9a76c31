import type { KeyObject } from "node:crypto";
import type pg from "pg";
import { projectDecider } from "../../domain";
import { handleCommand, stableUuid } from "../../eventstore";
import { underSealerLock } from "../sealer";
import { installSigningKey } from "./signing-key";

/** Who the rotation events name when an operator's command line, not a person in the app, rotates. */
export const KEY_OPERATOR = "system:audit-key";

/**
 * Makes `key` the signing key and records SigningKeyRotated on the log of every project that has a tree
 * (nothing when it is the active key already). The command id is derived from the new fingerprint, so a
 * project's log records one rotation to a key however often the events are sent.
 */
export async function rotateSigningKey(pool: pg.Pool, key: KeyObject, options: { keepPrivate: boolean; userId?: string }) {
  // No checkpoint is signed half-way through the rotation: the sealer signs under the same lock.
  const { rotation, projectIds } = (await underSealerLock(pool, true, async (client) => ({
    rotation: await installSigningKey(client, key, options),
    projectIds: (await client.query<{ project_id: string }>(`SELECT project_id FROM merkle_trees ORDER BY project_id`)).rows.map((r) => r.project_id),
  })))!;
  const commandId = stableUuid("audit-key-rotation", rotation.fingerprint);
  for (const projectId of rotation.changed ? projectIds : []) {
    await handleCommand(pool, {
      stream: { aggregateType: "project", aggregateId: projectId },
      projectId,
      decider: projectDecider,
      command: { type: "RecordSigningKeyRotation", projectId, previousFingerprint: rotation.previousFingerprint, fingerprint: rotation.fingerprint },
      context: { userId: options.userId ?? KEY_OPERATOR, correlationId: commandId, commandId },
    });
  }
  return { ...rotation, projects: projectIds.length };
}
