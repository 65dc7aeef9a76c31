/**
 * Creates a personal API token for a user without the UI, for setting up automated collection:
 *
 *   npm run token:create -- --email alice@example.com --name "audit collector"
 */
import { parseArgs } from "node:util";
import { createApiToken } from "../server/auth";
import { getPool } from "../server/db";
import { userByEmail } from "../server/read-models";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email || !values.name) {
  console.error('usage: npm run token:create -- --email <email> --name <name>');
  process.exit(2);
}

const user = await userByEmail(getPool(), values.email);
if (!user) {
  console.error(`No user with the email ${values.email}`);
  process.exit(1);
}
const { token } = await createApiToken(user.id, values.name);
console.log(token);
process.exit(0);
