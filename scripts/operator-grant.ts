/**
 * Makes a user an operator of this installation (metrics, read-model rebuilds, the operations page):
 *
 *   npm run operator:grant -- --email alice@example.com
 */
import { parseArgs } from "node:util";
import { grantOperator } from "../server/auth";
import { getPool } from "../server/db";
import { userByEmail } from "../server/read-models";

const { values } = parseArgs({ options: { email: { type: "string" } } });
if (!values.email) {
  console.error("usage: npm run operator:grant -- --email <email>");
  process.exit(2);
}
const db = getPool();
const user = await userByEmail(db, values.email);
if (!user) {
  console.error(`No user with the email ${values.email}`);
  process.exit(1);
}
await grantOperator(db, user.id);
console.log(`${values.email} is an operator.`);
process.exit(0);
