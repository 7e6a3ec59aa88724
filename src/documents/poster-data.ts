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
  const { telegramBot: bot, zaloBot: zalo } = services.config.links;
  const code = current.code;
  // Telegram's code checks a person in at once; Zalo's opens the bot, where the person types the code.
  // A channel without a link is said in words: no QR code that leads nowhere.
  const qrs = [
    ...(bot ? [{ url: telegramStartLink(bot, checkinPayload(code)), label: t("poster-telegram") }] : []),
    ...(zalo ? [{ url: zalo, label: t("poster-zalo-qr", { code }) }] : []),
  ];
  const lines = [...(zalo ? [] : [t("poster-zalo", { code })]), ...(bot ? [] : [t("poster-any", { code })])];
  return {
    body: (conf.invitation?.body_lines ?? [conf.body]).join(" ").toLocaleUpperCase("vi"),
    title: conf.title,
    heading: t("poster-title"),
    codeLabel: t("poster-code-label"),
    code,
    qrs,
    lines,
    footer: t("poster-issued", { issued: formatDateTime(t, current.issuedAt) }),
  };
}
