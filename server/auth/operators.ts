import { getPrisma } from "../db/prisma";

/** Whether the user runs this installation (sees metrics and every projector, may rebuild read models). */
export async function isOperator(userId: string): Promise<boolean> {
  return (await getPrisma().operator.findUnique({ where: { userId }, select: { userId: true } })) !== null;
}

/** Makes a user an operator; granting twice is harmless. */
export async function grantOperator(userId: string): Promise<void> {
  await getPrisma().operator.createMany({ data: [{ userId }], skipDuplicates: true });
}
