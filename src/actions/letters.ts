// Issuing the invite codes the letters print: an explicit step (the desk's "Cấp mã mời còn thiếu",
// /giaymoi, `hoinghi invitations`), never a side effect of reading or downloading the letters.
import type { AccountKey } from "../../storage/schema.js";
import { activeInvite, ensureInvites } from "../domain/identity.js";
import type { Done, Services } from "../messages/types.js";

/** Issues a code to every unit of the conference that has none; returns the ids of the units that got one. */
export async function issueMissingCodesAction(services: Pick<Services, "store" | "conference" | "clock" | "logger">, actor: AccountKey): Promise<Done<{ issued: string[] }>> {
  const { store, conference, clock } = services;
  const units = conference.units().map((u) => u.id);
  const issued = units.filter((id) => !activeInvite(store.data, id));
  if (issued.length > 0) {
    await ensureInvites(store, units, clock.now());
    services.logger.info({ by: actor, units: issued.length }, "missing invite codes issued");
  }
  return { result: { issued }, notifications: [] };
}
