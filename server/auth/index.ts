export { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";
export { auth, sessionUser } from "./auth";
export { grantOperator, isOperator } from "./operators";
export { requestUser } from "./request-user";
