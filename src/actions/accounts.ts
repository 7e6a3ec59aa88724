// What an organizer does with a unit's accounts and invite code, from the chat (/mamoi) or the desk:
// remove accounts from the unit, reissue or revoke the code. The rules are in src/domain/identity.ts.
import type { Unit } from "../conference/schema.js";
import { NotAllowed } from "../domain/errors.js";
import { ORGANIZER_TARGET, reissueInvite, removeFromUnit, revokeInvite } from "../domain/identity.js";
import { unitAddress } from "../domain/units.js";
import { Refusal } from "../messages/refusal.js";
import { msg } from "../messages/render.js";
import type { Done, MessageArg, Services } from "../messages/types.js";
import type { Account, AccountKey, Invite } from "../../storage/schema.js";
import type { Actor } from "./actor.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger">;

/**
 * Takes accounts out of a unit. Each person removed is told, in one text whichever side acted, that
 * names the conference's contact (filled in by notify()).
 */
export async function removeAccountsAction(services: Deps, actor: Actor, input: { unit: Unit; accounts: AccountKey[] }): Promise<Done<Account[]>> {
  const { unit } = input;
  const removed = await removeFromUnit(services.store, { unit, accounts: input.accounts, role: actor.role });
  services.logger.info({ by: actor.key, unit: unit.id, removed: removed.length }, "accounts removed from a unit");
  const message = msg("invites-removed-notice", { unit: unitAddress(unit) });
  return { result: removed, notifications: [{ to: removed.map((a) => a.key), message, options: { kind: "result", createdBy: actor.key } }] };
}

/** The name of an invite code's holder in sentences: the unit's addressed name, or "Ban tổ chức". */
function holderName(services: Deps, target: string): MessageArg {
  if (target === ORGANIZER_TARGET) return msg("invites-organizer");
  const unit = services.conference.unit(target);
  return unit ? unitAddress(unit) : target;
}

/** A new invite code for a unit (or the organizers); the old one is refused from now on. */
export async function reissueInviteAction(services: Deps, actor: Actor, target: string): Promise<Done<Invite>> {
  if (actor.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  const invite = await reissueInvite(services.store, target, services.clock.now());
  services.logger.info({ by: actor.key, target, revoked: false }, "invite code changed");
  return { result: invite, notifications: [] };
}

/** Revokes the code in force of a unit (or the organizers) without a new one; refused when there is none. */
export async function revokeInviteAction(services: Deps, actor: Actor, target: string): Promise<Done<true>> {
  if (actor.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  if (!(await revokeInvite(services.store, target, services.clock.now()))) throw new Refusal(msg("invites-none-active", { unit: holderName(services, target) }));
  services.logger.info({ by: actor.key, target, revoked: true }, "invite code changed");
  return { result: true, notifications: [] };
}
