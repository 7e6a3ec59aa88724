// /mamoi (/invites): the units' invite codes, reissued or revoked, and a unit's accounts, each of which an organizer may take out of it.
import { formatDateTime } from "../src/lib/time.js";
import { fold } from "../src/lib/text.js";
import { displayCode, ensureInvites, ORGANIZER_TARGET } from "../src/domain/identity.js";
import { reissueInviteAction, removeAccountsAction, revokeInviteAction } from "../src/actions/accounts.js";
import { actAndTell, actorOf } from "./acting.js";
import type { Unit } from "../src/conference/schema.js";
import type { Account } from "../storage/schema.js";
import { accountsOfUnit, requireUnit as requireUnitOf, unitAddress, unitName, unitNameById } from "../src/domain/units.js";
import { choices, numbered, text } from "./replies.js";
import { offer, type StepHandlers } from "./steps.js";
import { BadArguments, } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";

/** The unit a person named, or a refusal that suggests the closest names (src/domain/units.ts). */
function requireUnit(ctx: CommandContext, query: string) {
  return requireUnitOf(ctx.services.conference, query);
}
export const invitesCommand: CommandDef = {
  name: "mamoi",
  aliases: ["invites"],
  roles: ["organizer"],
  describe: "cmd-invites",
  async handler(ctx) {
    const { t, services, args } = ctx;
    const now = services.clock.now();
    const [verb, ...rest] = args.split(/\s+/).filter(Boolean);
    const unitQuery = rest.join(" ");
    if (!verb) {
      const units = services.conference.units();
      const codes = await ensureInvites(services.store, [...units.map((u) => u.id), ORGANIZER_TARGET], now);
      const lines = units.map((u) => `${unitName(u)}: ${displayCode((codes.get(u.id) as { code: string }).code)}`);
      lines.push(`${t("invites-organizer")}: ${displayCode((codes.get(ORGANIZER_TARGET) as { code: string }).code)}`);
      return [text(`${t("invites-title")}\n${lines.join("\n")}\n\n${t("invites-usage")}`)];
    }
    const v = fold(verb);
    const revoke = v === "thuhoi" || v === "revoke";
    // "/mamoi Mường So": the unit's accounts, each of which may be removed.
    if (!revoke && v !== "capmoi" && v !== "new") return unitAccounts(ctx, requireUnit(ctx, args));
    if (!unitQuery) throw new BadArguments("invites-usage");
    const organizerWords = ["bantochuc", "ban to chuc", "organizer"];
    const target = organizerWords.includes(unitQuery.toLowerCase()) ? ORGANIZER_TARGET : requireUnit(ctx, unitQuery).id;
    const name = target === ORGANIZER_TARGET ? t("invites-organizer") : unitNameById(services.conference, target);
    if (revoke) {
      await actAndTell(ctx, revokeInviteAction(services, actorOf(ctx), target));
      const accounts = target === ORGANIZER_TARGET ? [] : accountsOfUnit(services.store.data, target);
      if (accounts.length === 0) return [text(t("invites-revoked", { unit: name }))];
      // The code is gone, its accounts are not: ask whether they go too.
      return [
        choices(`${t("invites-revoked", { unit: name })}\n${t("invites-revoked-accounts", { unit: name, count: accounts.length })}`, [
          offer(t("invites-remove-all", { count: accounts.length }), { kind: "invites.remove", unit: target }),
          offer(t("invites-keep-accounts"), { kind: "invites.accounts", unit: target }),
        ]),
      ];
    }
    const { result: invite } = await actAndTell(ctx, reissueInviteAction(services, actorOf(ctx), target));
    return [text(t("invites-reissued", { unit: name, code: displayCode(invite.code) }))];
  },
};

/** "Lò Văn A (Telegram, tham gia 01/5/2027)". */
function accountLine(ctx: CommandContext, a: Account): string {
  return ctx.t("invites-account-line", { name: a.displayName, channel: ctx.t(`invites-channel-${a.channel}`), joined: a.joinedAt ? formatDateTime(ctx.t, a.joinedAt) : "?" });
}

/** /mamoi <đơn vị>: the unit's accounts, numbered, each with a choice to remove it. */
function unitAccounts(ctx: CommandContext, unit: Unit): Reply[] {
  const { t, services } = ctx;
  const accounts = accountsOfUnit(services.store.data, unit.id);
  if (accounts.length === 0) return [text(t("invites-accounts-none", { unit: unitAddress(unit) }))];
  return [
    text([t("invites-accounts-title", { unit: unitAddress(unit), count: accounts.length }), numbered(accounts.map((a) => accountLine(ctx, a)))].join("\n")),
    choices(
      t("invites-accounts-remove-ask"),
      accounts.map((a, i) => offer(t("invites-remove-one", { n: i + 1, name: a.displayName }), { kind: "invites.remove", unit: unit.id, account: a.key })),
    ),
  ];
}

/** Takes account `which` (every account, without it) out of the unit, and tells each. */
async function removeFrom(ctx: CommandContext, unit: Unit, which: string | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  const accounts = accountsOfUnit(services.store.data, unit.id);
  const chosen = which === undefined ? accounts : accounts.filter((a) => a.key === which);
  // The rule and the message to each person removed: src/actions/accounts.ts, as on the desk.
  const { result: removed } = await actAndTell(ctx, removeAccountsAction(services, actorOf(ctx), { unit, accounts: chosen.map((a) => a.key) }));
  return [text(t("invites-removed", { unit: unitAddress(unit), count: removed.length, names: removed.map((a) => a.displayName).join(", ") }))];
}

/** The unit a step names, by id (a unit no longer in the conference file: the same refusal as a name typed). */
function unitOfStep(ctx: CommandContext, unitId: string): Unit {
  return ctx.services.conference.unit(unitId) ?? requireUnit(ctx, unitId);
}

/** The steps of /mamoi: accounts taken out of a unit (one, or all after its code was revoked), or the unit's accounts shown. */
export const invitesSteps: StepHandlers<"invites.remove" | "invites.accounts"> = {
  "invites.remove": { command: "mamoi", run: (ctx, chosen) => removeFrom(ctx, unitOfStep(ctx, chosen.unit), chosen.account) },
  "invites.accounts": { command: "mamoi", run: async (ctx, chosen) => unitAccounts(ctx, unitOfStep(ctx, chosen.unit)) },
};
