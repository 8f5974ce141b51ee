// Kept free of zod so the renderer can list them without loading the schemas.
/** What the board is asked to do with an item, as agendas print it ("For decision"). */
export const ITEM_PURPOSES = ['decision', 'discussion', 'noting', 'information'] as const;
