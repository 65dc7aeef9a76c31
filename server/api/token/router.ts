import { router } from "../trpc";
import { createToken } from "./create";
import { listTokens } from "./list";
import { revokeToken } from "./revoke";

export const tokenRouter = router({ list: listTokens, create: createToken, revoke: revokeToken });
