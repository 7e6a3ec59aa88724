// Thông báo: write a notice, preview its audience, send or schedule it; each notice's status.
import type { Context } from "hono";
import { audienceLabel, MAX_NOTICE_TEXT, noticeCommands, noticeSummaryLines } from "../../../commands/notices.js";
import type { Reply } from "../../messages/types.js";
import { UserError } from "../../domain/errors.js";
import { ackState, type Audience, LISTED_KINDS, resolveAudience } from "../../domain/notices.js";
import { unitName, unitNameById } from "../../domain/units.js";
import { commandContext, type Desk, type DeskApp, type Env, field, type FormBodyAll, Refused } from "../context.js";
import { type Html, html } from "../html.js";

export function registerNotices(app: DeskApp, desk: Desk): void {
  const { deps, base, render, form, csrfInput, requireUnitId } = desk;
  // Every step runs the very commands of /thongbao (its preview, confirmation, status, resend and
  // retry), as the organizer who is signed in: the desk holds no rule of its own about notices.

  /** The audiences offered, by the word /thongbao reads; "donvi" takes the units ticked below it. */
  const AUDIENCES: Array<[string, Audience]> = [
    ["tatca", { kind: "all" }],
    ["xa", { kind: "communes" }],
    ["coquan", { kind: "agencies" }],
    ["chuatraloi", { kind: "no_rsvp" }],
    ["chuanop", { kind: "no_speech" }],
  ];
  /** A choice the commands offer, as the desk's form that does the same: the command, the desk's address. */
  const NOTICE_ACTIONS: Record<string, string> = { tbgui: "gui", tbhuy: "huy", tbguilai: "gui-lai", tbguiloi: "gui-loi" };
  const NOTICE_ID = /^[a-z0-9]{6}$/;

  async function runNoticeCommand(c: Context<Env>, name: string, args: string): Promise<Reply[]> {
    const def = noticeCommands.find((d) => d.name === name);
    if (!def) throw new Refused(404, "desk-not-found");
    return def.handler({ ...commandContext(deps, c), args });
  }

  /** The commands' answer as a page: its text, and each choice it offers as a button posting the same step. */
  function noticeReplies(c: Context<Env>, replies: Reply[], extra: Html | string = ""): Response | Promise<Response> {
    const { t } = c.get("signed");
    const csrf = csrfInput(c);
    const parts = replies.map((r) => {
      if (r.kind !== "text" && r.kind !== "choices") return html``;
      const buttons =
        r.kind === "choices"
          ? r.choices.map((o) => {
              const [cmd = "", id = ""] = (o.command ?? "").replace(/^\//, "").split(/\s+/);
              if (cmd === "tbluc") {
                return html`<form method="post" action="${base}/thong-bao/luc">${csrf}<input type="hidden" name="id" value="${id}">
                  <label>${o.label} <input type="datetime-local" name="time"></label><button>${t("desk-notices-set-time")}</button></form>`;
              }
              const action = NOTICE_ACTIONS[cmd];
              return action ? html`<form method="post" action="${base}/thong-bao/${action}">${csrf}<input type="hidden" name="id" value="${id}"><button>${o.label}</button></form>` : html``;
            })
          : [];
      return html`<div class="notice">${r.text}</div>${buttons}`;
    });
    return render(c, t("desk-nav-notices"), html`<h1>${t("desk-nav-notices")}</h1>${parts}${extra}<p><a href="${base}/thong-bao">${t("desk-back")}</a></p>`);
  }

  /** "2027-06-20T07:30" from the browser's picker as organizers type it ("07:30 20/06/2027"); anything else as typed. */
  function typedTime(raw: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(raw);
    if (m) return `${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}`;
    if (/[|;]/.test(raw)) throw new Refused(400, "desk-bad-input");
    return raw;
  }

  function noticeId(body: FormBodyAll): string {
    const id = field(body, "id");
    if (!NOTICE_ID.test(id)) throw new Refused(400, "desk-bad-input");
    return id;
  }

  app.get("/thong-bao", (c) => {
    const { t } = c.get("signed");
    const data = deps.store.data;
    const csrf = csrfInput(c);
    const ctx = { t, services: deps };
    const options = AUDIENCES.map(([word, a], i) => {
      const count = resolveAudience(deps.conference, data, a).accounts.length;
      return html`<li><label><input type="radio" name="audience" value="${word}"${i === 0 ? html` checked` : ""}> ${t("notice-audience-choice", { audience: audienceLabel(ctx, a), count })}</label></li>`;
    });
    const units = deps.conference
      .units()
      .map((u) => html`<label class="unit"><input type="checkbox" name="units" value="${u.id}"> ${unitName(u)}</label> `);
    const list = data.notices
      .filter((n) => LISTED_KINDS.has(n.kind))
      .slice(-20)
      .reverse()
      .flatMap((n) => noticeSummaryLines({ ...data, notices: [n] } as typeof data, t).map((line) => html`<li><a href="${base}/thong-bao/${n.id}">${line}</a></li>`));
    return render(
      c,
      t("desk-nav-notices"),
      html`<h1>${t("desk-nav-notices")}</h1>
      <form method="post" action="${base}/thong-bao/xem" class="card">${csrf}
        <label>${t("desk-notices-text", { max: MAX_NOTICE_TEXT })}<br><textarea name="text" rows="6" cols="60" maxlength="${MAX_NOTICE_TEXT}"></textarea></label>
        <fieldset><legend>${t("desk-notices-audience")}</legend><ul>${options}
          <li><label><input type="radio" name="audience" value="donvi"> ${t("notice-audience-choice-units")}</label><br>${units}</li></ul></fieldset>
        <label>${t("desk-notices-when")} <input type="datetime-local" name="time"></label>
        <p><button>${t("desk-notices-preview")}</button></p></form>
      <h2>${t("desk-notices-sent")}</h2>${list.length > 0 ? html`<ul>${list}</ul>` : html`<p>${t("notice-status-none")}</p>`}`,
    );
  });

  app.post("/thong-bao/xem", async (c) => {
    const body = await form(c, true);
    const word = field(body, "audience");
    if (word !== "donvi" && !AUDIENCES.some(([w]) => w === word)) throw new Refused(400, "desk-bad-input");
    const ticked = ([] as unknown[]).concat(body.units ?? []).filter((u): u is string => typeof u === "string");
    if (word === "donvi") {
      if (ticked.length === 0) throw new UserError("notice-units-missing");
      for (const id of ticked) requireUnitId(id);
    }
    const time = field(body, "time");
    // The /thongbao option words; "at" is the ASCII form of "lúc" that the parser takes too (commands/notices.ts).
    const options = [word === "donvi" ? `donvi ${ticked.join(", ")}` : word, ...(time ? [`at ${typedTime(time)}`] : [])];
    const text = field(body, "text");
    if (!text) throw new UserError("notice-empty");
    return noticeReplies(c, await runNoticeCommand(c, "thongbao", `${options.join("; ")} | ${text}`));
  });

  app.post("/thong-bao/luc", async (c) => {
    const body = await form(c, true);
    const id = noticeId(body);
    const time = field(body, "time");
    if (!time) throw new Refused(400, "desk-bad-input");
    return noticeReplies(c, await runNoticeCommand(c, "tbluc", `${id} ${typedTime(time)}`));
  });

  for (const [command, action] of Object.entries(NOTICE_ACTIONS)) {
    app.post(`/thong-bao/${action}`, async (c) => {
      const id = noticeId(await form(c, true));
      const replies = await runNoticeCommand(c, command, id);
      deps.logger.info({ by: c.get("signed").account.key, notice: id, step: command }, "notice step at the desk");
      return noticeReplies(c, replies);
    });
  }

  app.get("/thong-bao/:id", async (c) => {
    const { t } = c.get("signed");
    const id = c.req.param("id");
    if (!NOTICE_ID.test(id)) throw new Refused(404, "desk-not-found");
    const replies = await runNoticeCommand(c, "thongbao", `trangthai ${id}`);
    // Who acknowledged, by name (the chat shows who has not).
    const data = deps.store.data;
    const acked = ackState(data, id).acked.map((k) => {
      const a = data.accounts[k];
      const unit = a?.unitId ? unitNameById(deps.conference, a.unitId) : "";
      return html`<li>${[unit, a?.displayName ?? k].filter(Boolean).join(": ")}</li>`;
    });
    const extra = acked.length > 0 ? html`<h2>${t("desk-notices-acked")}</h2><ul>${acked}</ul>` : "";
    return noticeReplies(c, replies, extra);
  });
}
