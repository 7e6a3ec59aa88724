// `hoinghi conference add FILE | list | close ID`: the conferences one bot serves, from the command line.
// `list` reads (a snapshot beside the running bot); `add` and `close` change the store here, or are handed
// to the running bot through DATA_DIR/spool (src/app/spool-runner.ts runs them through the same
// App.conferences, so the bot serves a new conference at once). Every other subcommand keeps acting on
// the conference of CONFERENCE_FILE.
import path from "node:path";
import { type ConferenceSummary, conferenceList } from "../domain/conferences.js";
import type { Translate } from "../lib/i18n.js";
import { formatDate } from "../lib/time.js";
import type { App } from "./app.js";
import { type CliArgs, CliError, type CliIo, type SubcommandSpec } from "./cli-core.js";
import { changeHereOrThroughBot, openForReading } from "./cli-spool.js";
import { frozenPath } from "./conferences.js";

/** Who the command line is in the store's records (addedBy, closedBy, the notices' createdBy). */
const CLI_ACTOR = "cli";

/** The words of a refusal of the arguments, with the usage. */
const refuse = (t: Translate, key: string, args: Record<string, string> = {}) => new CliError(`${key ? `${t(key, args)} ` : ""}${t("cli-conference-usage")}`);

/** A row of the table in cli.ts: the action, then its one argument. */
export const conferenceSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const [action, target] = args.positionals;
  if (args.values.json && action !== "list") throw refuse(t, "cli-argument-unknown", { command: `conference ${action ?? ""}`.trim(), arg: "--json" });
  if (action === "list") {
    if (target !== undefined) throw refuse(t, "cli-argument-extra", { command: "conference list", arg: target });
    return listConferences(args, io, t);
  }
  if (action === "add") {
    if (!target) throw refuse(t, "cli-conference-missing-file");
    return addConference(target, io, t);
  }
  if (action === "close") {
    if (!target) throw refuse(t, "cli-conference-missing-id");
    await changeHereOrThroughBot(io, t, { kind: "conference-close", conference: target }, (app) => closeHere(app, target, t));
    return 0;
  }
  throw refuse(t, action === undefined ? "" : "cli-conference-action-unknown", { action: action ?? "" });
};

/** Every conference, running first: what it is, since when, and its file (`--json`: the same as data). */
async function listConferences(args: CliArgs, io: CliIo, t: Translate): Promise<number> {
  const { app } = await openForReading(io);
  try {
    const primary = app.conferences.primary.id;
    const rows = conferenceList(app.root.data);
    if (args.values.json) {
      io.out(JSON.stringify(rows.map((r) => ({ ...r, primary: r.id === primary })), null, 2));
      return 0;
    }
    io.out(t("cli-conference-list-title", { count: rows.length }));
    for (const r of rows) io.out(listRow(r, r.id === primary, t));
    io.out(t("cli-conference-list-hint"));
  } finally {
    await app.close();
  }
  return 0;
}

function listRow(r: ConferenceSummary, primary: boolean, t: Translate): string {
  const when =
    r.status === "closed" && r.closedAt
      ? t("cli-conference-closed-on", { date: formatDate(t, r.closedAt) })
      : t("cli-conference-added-on", { date: formatDate(t, r.addedAt) });
  const row = t("cli-conference-row", { id: r.id, status: t(`cli-conference-status-${r.status}`), title: r.title, when, file: r.file });
  return primary ? `${row} ${t("cli-conference-primary")}` : row;
}

/** Checks the file with the conference loader first (a wrong file is refused here, in its own words), then adds it. */
async function addConference(file: string, io: CliIo, t: Translate): Promise<number> {
  const resolved = path.resolve(file);
  const { loadConference } = await import("../conference/load.js");
  loadConference(resolved);
  await changeHereOrThroughBot(io, t, { kind: "conference-add", file: resolved }, (app) => addHere(app, resolved, t, true));
  return 0;
}

/**
 * Adds the conference of `file` to the app (running from now on) and sends the delegates of its units
 * who joined before their new giấy mời; the lines say what was done. The command line and the running
 * bot's spool runner both call it; `offline`: this process runs no channel, the letters wait in the
 * outbox for the bot.
 */
export async function addHere(app: App, file: string, t: Translate, offline = false): Promise<string[]> {
  const { conference, told, without } = await app.conferences.add(file, CLI_ACTOR);
  const service = app.conferences.get(conference.id)?.conference;
  const name = (unitId: string) => service?.unit(unitId)?.name ?? unitId;
  const lines = [t("cli-conference-added", { id: conference.id, title: conference.title }), t("cli-conference-told", { count: told.length })];
  if (offline && told.length > 0) lines.push(t("cli-conference-told-offline"));
  if (without.length > 0) lines.push(t("cli-conference-without", { count: without.length, units: without.map(name).join(", "), file }));
  return lines;
}

/** Closes conference `id` for good; the line says what that means and where its file is kept. */
export async function closeHere(app: App, id: string, t: Translate): Promise<string[]> {
  const closed = await app.conferences.close(id, CLI_ACTOR);
  const file = app.root.data.conferences[id]?.file ?? "";
  return [t("cli-conference-closed", { id: closed.id, title: closed.title, file, frozen: frozenPath(app.config.dataDir, id) })];
}
