// The personal upload link offered in the chat where a file cannot be sent (Zalo): with /thamluan,
// and in answer to a file sent there anyway (Zalo passes it on as a message with no content).
import { accountKey } from "../src/domain/identity.js";
import { maySubmit } from "../src/domain/speeches.js";
import { unitAddress } from "../src/domain/units.js";
import { issueUploadToken, maskUploadToken, UPLOAD_LINK_TTL_MS, type UploadPurpose, uploadKey, uploadUrl } from "../src/domain/upload-links.js";
import { formatDateTime } from "../src/lib/time.js";
import type { Reply, Services } from "../src/messages/types.js";
import type { Account, Channel } from "../storage/schema.js";
import { carriesFiles } from "./desk.js";
import { text } from "./replies.js";
import type { CommandContext } from "./types.js";

type OfferDeps = Pick<Services, "store" | "conference" | "clock" | "logger" | "i18n" | "config">;

/**
 * The sentence that offers `account` its unit's upload link (`key`: with /thamluan, or after an
 * unreadable message), or undefined when there is nothing to offer: no public address to reach the
 * page, no unit, no speech assigned to it, or submitting closed.
 */
export function speechUploadOffer(services: OfferDeps, account: Account, key: "upload-offer" | "upload-offer-unreadable"): string | undefined {
  const { config, conference, store, clock } = services;
  if (!config.publicUrl || !account.unitId) return undefined;
  const assignment = conference.speechFor(account.unitId);
  const now = clock.now();
  if (!assignment || !maySubmit(store.data.speeches[account.unitId], conference.deadline("speech"), now)) return undefined;
  return uploadOfferLine(services, account, { purpose: "speech" }, key, { unit: unitAddress(assignment.unit) });
}

/**
 * The sentence `key` offering `account` a personal upload link for `grant` (its unit's speech,
 * remediation plan, or a task's evidence), with the link's address and expiry as `url` and `time`;
 * undefined without a public address to reach the page, or without a unit.
 */
export function uploadOfferLine(
  services: OfferDeps,
  account: Account,
  grant: { purpose: UploadPurpose; task?: number },
  key: string,
  args: Record<string, string | number> = {},
): string | undefined {
  const { config, store, clock } = services;
  if (!config.publicUrl || !account.unitId) return undefined;
  const now = clock.now();
  const token = issueUploadToken(uploadKey(store.dir, config.uploadSecret), { account: account.key, unitId: account.unitId, conference: services.conference.id, ...grant }, now);
  services.logger.info({ by: account.key, unit: account.unitId, purpose: grant.purpose, token: maskUploadToken(token) }, "upload link issued");
  const t = services.i18n.forLanguage(account.language);
  const until = formatDateTime(t, new Date(now.getTime() + UPLOAD_LINK_TTL_MS));
  return t(key, { ...args, url: uploadUrl(config.publicUrl, token), time: until });
}

/**
 * The answer to a message the platform passed without its content (Zalo: a file, a location): the
 * upload link when the person's unit has a speech to hand in; undefined for the channel's usual hint.
 */
export function unreadableAnswer(services: OfferDeps, who: { channel: Channel; userId: string }): Reply[] | undefined {
  const account = services.store.data.accounts[accountKey(who.channel, who.userId)];
  const offer = account && speechUploadOffer(services, account, "upload-offer-unreadable");
  return offer ? [text(offer)] : undefined;
}

/** On a channel that cannot carry a file, the words that never invite one (Zalo: text and photos only). */
export function withoutFiles(ctx: CommandContext, key: "speech-how" | "speech-send-new"): string {
  return ctx.t(carriesFiles(ctx.req.channel) ? key : `${key}-no-files`);
}

/** /thamluan's answer, followed on such a channel by the unit's upload link (when it has one to offer). */
export function withUploadOffer(ctx: CommandContext, replies: Reply[]): Reply[] {
  if (carriesFiles(ctx.req.channel)) return replies;
  const offer = speechUploadOffer(ctx.services, ctx.account, "upload-offer");
  return offer ? [...replies, text(offer)] : replies;
}
