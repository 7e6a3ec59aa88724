// `hoinghi broadcast "…"`: a notice queued like an organizer's; handed to the running bot through DATA_DIR/spool when it holds the store.
import path from "node:path";
import { MAX_NOTICE_TEXT } from "../actions/notices.js";
import { parseAudienceOption, parseSendTime } from "../../commands/notices.js";
import { UserError } from "../domain/errors.js";
import { StoreLocked } from "../../storage/store.js";
import { CliError, openApp, type SubcommandSpec } from "./cli-core.js";
import { loadConference } from "../conference/load.js";
import { findUnit } from "../conference/match.js";
import { loadConfig } from "./config.js";
import { writeSpooled } from "../outbox/spool.js";
import { formatDateTime } from "../lib/time.js";
import { type Audience, encodeAudience, newNoticeId } from "../domain/notices.js";

/** The notice's words (every positional, joined), `--to WHO` and `--at WHEN`, as parsed by the table in cli.ts. */
export const broadcastSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const parsed = {
    text: args.positionals.join(" ").trim(),
    to: typeof args.values.to === "string" ? args.values.to : undefined,
    at: typeof args.values.at === "string" ? args.values.at : undefined,
  };
  const { text } = parsed;
  if (!text) throw new CliError(`${t("notice-empty")} ${t("cli-broadcast-usage")}`);
  if (text.length > MAX_NOTICE_TEXT) throw new CliError(t("notice-too-long", { max: MAX_NOTICE_TEXT, length: text.length }));

  const config = loadConfig(io.env);
  const conf = loadConference(path.resolve(config.conferenceFile));
  let audience: Audience = { kind: "all" };
  if (parsed.to) {
    const picked = parseAudienceOption(parsed.to);
    if (!picked) throw new CliError(t("notice-audience-unknown", { text: parsed.to }));
    if (picked.kind === "units") {
      const ids: string[] = [];
      for (const name of picked.units ?? []) {
        const found = findUnit(conf.units, name);
        if (!found.unit) {
          throw new CliError(
            found.suggestions.length > 0
              ? t("unit-unknown-suggest", { query: name, suggestions: found.suggestions.map((u) => u.name).join(", ") })
              : t("unit-unknown", { query: name }),
          );
        }
        if (!ids.includes(found.unit.id)) ids.push(found.unit.id);
      }
      audience = { kind: "units", unitIds: ids };
    } else audience = { kind: picked.kind } as Audience;
  }
  const now = new Date();
  let sendAt: Date | undefined;
  if (parsed.at) {
    sendAt = parseSendTime(parsed.at, now);
    if (!sendAt) throw new CliError(t("notice-time-bad", { text: parsed.at }));
    if (sendAt <= now) throw new CliError(t("notice-time-past", { time: formatDateTime(t, sendAt) }));
  }

  let app: Awaited<ReturnType<typeof openApp>>;
  try {
    app = await openApp(io);
  } catch (err) {
    if (!(err instanceof StoreLocked)) throw err;
    // The bot is running and holds the store: hand the notice over; it takes it in within a second.
    const id = newNoticeId(() => false);
    await writeSpooled(config.dataDir, { id, text, audience: encodeAudience(audience), sendAt: sendAt?.toISOString(), createdAt: now.toISOString(), createdBy: "cli" });
    io.out(t("cli-broadcast-handed", { id }));
    return 0;
  }
  try {
    const result = await app.outbox.enqueue({
      kind: "broadcast",
      text,
      audience,
      createdBy: "cli",
      sendAt,
      ackable: true,
      check(_d, r) {
        if (r.accounts.length === 0) throw new UserError("notice-audience-empty", { audience: t(audience.kind === "units" ? "notice-audience-choice-units" : `notice-audience-${audience.kind.replace("_", "-")}`) });
      },
    });
    const byChannel = { telegram: 0, zalo: 0, console: 0 };
    for (const k of result.accounts) byChannel[app.store.data.accounts[k]?.channel ?? "console"] += 1;
    io.out(t("cli-broadcast-queued", { id: result.notice.id, count: result.deliveries, ...byChannel }));
  } catch (err) {
    if (err instanceof UserError) throw new CliError(t(err.key, err.args));
    throw err;
  } finally {
    await app.close();
  }
  return 0;
};
