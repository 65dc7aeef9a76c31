import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Role } from "../../domain";
import { userByEmail } from "../../read-models";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "./project-command";

/** Adds a user who has an account, by email; an unknown email is a clear error rather than a silent invitation. */
export const addMember = projectProcedure(managers)
  .input(commandInput.extend({ email: z.email().max(254), role: Role.exclude(["owner"]) }))
  .mutation(async ({ ctx, input }) => {
    const user = await userByEmail(ctx.db, input.email);
    if (!user) throw new TRPCError({ code: "BAD_REQUEST", message: `No one has signed up with ${input.email} yet: ask them to create an account first` });
    return runProjectCommand(ctx, input, { type: "AddMember", projectId: input.projectId, userId: user.id, role: input.role });
  });
