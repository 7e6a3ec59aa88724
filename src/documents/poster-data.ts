// What the check-in poster (/diemdanh poster, the desk's download, hoinghi checkin-poster) shows:
// the hall code in force. It never issues one: an organizer does, on the board or with /diemdanh.
import { UserError } from "../domain/errors.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";
import type { Services } from "../messages/types.js";
import { checkinPayload, telegramStartLink } from "./links.js";
import type { PosterInput } from "./poster.js";

/** The poster of the current hall code; refuses while no code has been issued. */
export function posterInput(services: Pick<Services, "conference" | "store" | "config">, t: Translate): PosterInput {
  const current = services.store.data.checkinCode;
  if (!current) throw new UserError("poster-no-code");
  const conf = services.conference.conf;
  const bot = services.config.links.telegramBot;
  const lines = [t("poster-zalo", { code: current.code }), ...(bot ? [] : [t("poster-any", { code: current.code })])];
  return {
    body: (conf.invitation?.body_lines ?? [conf.body]).join(" ").toLocaleUpperCase("vi"),
    title: conf.title,
    heading: t("poster-title"),
    codeLabel: t("poster-code-label"),
    code: current.code,
    qr: bot ? { url: telegramStartLink(bot, checkinPayload(current.code)), label: t("poster-telegram") } : undefined,
    lines,
    footer: t("poster-issued", { issued: formatDateTime(t, current.issuedAt) }),
  };
}
