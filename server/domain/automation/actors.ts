/**
 * The system actors automation writes as (an event's metadata.userId): a rule, named by its id, or the
 * review saga. They are not accounts; the history names them from the project's rules.
 */
export const reviewSagaActor = "automation:review-saga";
const rulePrefix = "automation:rule:";

export const ruleActor = (ruleId: string) => `${rulePrefix}${ruleId}`;

export type Actor = { kind: "user"; userId: string } | { kind: "rule"; ruleId: string } | { kind: "reviewSaga" };

export function actorOf(userId: string): Actor {
  if (userId === reviewSagaActor) return { kind: "reviewSaga" };
  if (userId.startsWith(rulePrefix)) return { kind: "rule", ruleId: userId.slice(rulePrefix.length) };
  return { kind: "user", userId };
}
