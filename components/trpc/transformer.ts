import { SuperJSON } from "superjson";
import type { Card, CARDS_TYPE } from "@/server/api/board/card-wire";
import { decodeCards } from "./card-wire";

/**
 * superjson, and the boards' card lists that the server sends field by field (server/api/input-transformer.ts)
 * built back into cards. The browser never sends cards.
 */
export const transformer = new SuperJSON();
transformer.registerCustom<Card[], { text: string }>(
  {
    isApplicable: (_value): _value is Card[] => false,
    serialize: () => {
      throw new Error("cards are not sent column-wise from the browser");
    },
    deserialize: ({ text }) => decodeCards(text),
  },
  "cards" satisfies typeof CARDS_TYPE,
);
