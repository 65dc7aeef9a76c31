import { projectProcedure, readers } from "../project-procedure";
import { boardView } from "./view";

export const getBoard = projectProcedure(readers).query(({ ctx }) => boardView(ctx.db, ctx.board, ctx.role));
