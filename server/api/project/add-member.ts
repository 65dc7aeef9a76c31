import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { Role } from "../../domain/events/fields";
import { userByEmail } from "../../projections/users";
import { commandInput, managers, projectProcedure } from "../project-procedure";
import { runProjectCommand } from "./project-command";

/** Adds an existing user by email. (Invitations of people without an account come with the roles issue.) */
export const addMember = projectProcedure(managers)
  .input(commandInput.extend({ email: z.email().max(254), role: Role.exclude(["owner"]) }))
  .mutation(async ({ ctx, input }) => {
    const user = await userByEmail(ctx.db, input.email);
    if (!user) throw new TRPCError({ code: "BAD_REQUEST", message: `No user with the email ${input.email}` });
    return runProjectCommand(ctx, input, { type: "AddMember", projectId: input.projectId, userId: user.id, role: input.role });
  });
