import { router } from "../trpc";
import { addColumn } from "./add";
import { moveColumn } from "./move";
import { removeColumn } from "./remove";
import { renameColumn } from "./rename";
import { setWipLimit } from "./set-wip-limit";

export const columnRouter = router({ add: addColumn, rename: renameColumn, move: moveColumn, remove: removeColumn, setWipLimit });
