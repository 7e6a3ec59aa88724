// Organizers assign tasks in chat: in one line (`/nhiemvu giao <đơn vị> | <nội dung> | <tiêu chí> |
// <hạn>`, several units separated by commas) or step by step: unit → content → criterion (the unit's
// weakest offered first) → deadline → confirm. Each step is a typed value (commands/steps.ts).
import { assignTasksAction } from "../src/actions/tasks.js";
import { BadArguments } from "../src/domain/errors.js";
import { awaitStep, endAwaiting } from "../src/domain/sessions.js";
import { dayText, isCriterionCode, parseDeadline } from "../src/domain/tasks.js";
import { requireUnit, unitAddress } from "../src/domain/units.js";
import { fold, shorten } from "../src/lib/text.js";
import { localDay } from "../src/lib/time.js";
import type { Reply } from "../src/messages/types.js";
import { notify } from "../src/outbox/notify.js";
import { weakestCriteria } from "../src/views/task-criteria.js";
import type { NewTask } from "../storage/schema.js";
import { choices, text } from "./replies.js";
import { offer, type StepHandlers, type StepOf } from "./steps.js";
import type { CommandContext } from "./types.js";

/** No criterion: left empty, "-", "không", "bỏ qua". */
const NO_CRITERION = /^(-|khong|bo qua|none|no)?$/;

/** "3.2", "tiêu chí 3.2", "TC 3": the code; undefined for none; a refusal for anything else. */
export function parseCriterion(typed: string): string | undefined {
  const folded = fold(typed).trim();
  if (NO_CRITERION.test(folded)) return undefined;
  const code = folded.replace(/^(tieu chi|tc|linh vuc|criterion)\s*/, "").trim();
  if (!isCriterionCode(code)) throw new BadArguments("task-bad-criterion", { code: typed.trim() });
  return code;
}

function deadlineOf(ctx: CommandContext, typed: string): string {
  const day = parseDeadline(typed, ctx.services.clock.now());
  if (!day) throw new BadArguments("task-bad-deadline", { text: typed.trim() });
  return day;
}

/** Assigns and tells the units; one line per task: its number, unit, deadline, and how many were told. */
async function assign(ctx: CommandContext, tasks: NewTask[], after: { endAwaiting?: string } = {}): Promise<Reply[]> {
  const { services, t } = ctx;
  const done = await assignTasksAction(services, ctx.account.key, { tasks, source: "chat" }, after);
  const sent = await notify(services, done.notifications);
  const told = new Map(done.notifications.map((n, i) => [n.to, sent[i] ?? 0] as const));
  const lines = done.result.map((task) => {
    const unit = services.conference.unit(task.unitId);
    const count = [...told.entries()].find(([to]) => to.some((k) => services.store.data.accounts[k]?.unitId === task.unitId))?.[1] ?? 0;
    return t(count > 0 ? "task-assigned-done" : "task-assigned-nobody", { n: task.n, unit: unit ? unitAddress(unit) : task.unitId, deadline: dayText(task.deadline), sent: count });
  });
  return [text(lines.join("\n"))];
}

/** `/nhiemvu giao Mường So, Bản Lang | nội dung | 3.2 | 30/6 [| kết quả]` (the criterion may be left out: three parts). */
export async function assignByLine(ctx: CommandContext, line: string): Promise<Reply[]> {
  const parts = line.split("|").map((p) => p.trim());
  if (parts.length < 3 || parts.length > 5) throw new BadArguments("task-assign-usage");
  const [units = "", content = "", ...tail] = parts;
  const [criterion, deadline, expected] = tail.length === 1 ? [undefined, tail[0] as string, undefined] : [tail[0], tail[1] as string, tail[2]];
  const ids = units.split(",").map((u) => requireUnit(ctx.services.conference, u.trim()).id);
  const code = criterion === undefined ? undefined : parseCriterion(criterion);
  const day = deadlineOf(ctx, deadline);
  const tasks = [...new Set(ids)].map((unitId) => ({ unitId, content, ...(code && { criterion: code }), deadline: day, ...(expected && { expected }), reportEvery: "none" as const }));
  return assign(ctx, tasks);
}

/** `/nhiemvu giao` alone: the first step asks for the unit. */
export async function startAssigning(ctx: CommandContext): Promise<Reply[]> {
  const { services, t } = ctx;
  await awaitStep(services.store, ctx.account.key, { kind: "tasks.assign.unit" }, "task-ask-unit", services.clock.now(), { dropChoices: true });
  return [text(t("task-ask-unit"))];
}

async function askContent(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { services, t } = ctx;
  if (!typed) return startAssigning(ctx);
  const unit = requireUnit(services.conference, typed);
  await awaitStep(services.store, ctx.account.key, { kind: "tasks.assign.content", unit: unit.id }, "task-ask-content", services.clock.now(), { dropChoices: true });
  return [text(t("task-ask-content", { unit: unitAddress(unit) }))];
}

/** The content typed: the criterion is asked, the unit's weakest offered first (or typed, or none). */
async function askCriterion(ctx: CommandContext, step: StepOf<"tasks.assign.content">, typed: string): Promise<Reply[]> {
  const { services, t } = ctx;
  const content = typed.trim();
  if (!content) throw new BadArguments("task-no-content");
  if (content.length > 2000) throw new BadArguments("task-too-long", { max: 2000 });
  const base = { unit: step.unit, content };
  await awaitStep(services.store, ctx.account.key, { kind: "tasks.assign.criterion", ...base }, "task-ask-criterion", services.clock.now());
  const weak = weakestCriteria(services.store.data, step.unit);
  const list = weak.map((c) => offer(t("task-criterion-choice", { code: c.code, name: shorten(c.name, 60), final: c.final, max: c.max }), { kind: "tasks.assign.criterion", ...base, criterion: c.code }));
  list.push(offer(t("task-criterion-none"), { kind: "tasks.assign.criterion", ...base, none: true }));
  return [choices(t(weak.length > 0 ? "task-ask-criterion" : "task-ask-criterion-no-scores"), list)];
}

/** The criterion chosen or typed: the deadline is asked. */
async function askDeadline(ctx: CommandContext, step: StepOf<"tasks.assign.criterion">, typed: string): Promise<Reply[]> {
  const { services, t } = ctx;
  const criterion = typed ? parseCriterion(typed) : step.none ? undefined : step.criterion;
  if (!typed && !step.none && !step.criterion) return [text(t("task-ask-criterion-no-scores"))];
  const next = { kind: "tasks.assign.deadline" as const, unit: step.unit, content: step.content, ...(criterion && { criterion }) };
  await awaitStep(services.store, ctx.account.key, next, "task-ask-deadline", services.clock.now(), { dropChoices: true });
  return [text(t("task-ask-deadline"))];
}

/** The values of a task typed step by step, as shown to confirm. */
type AssignValues = Omit<StepOf<"tasks.assign.confirm">, "kind">;

/**
 * The task shown whole, to confirm; the choices also add supporting units and set how often the unit
 * reports (each shows it again), or drop it.
 */
function confirmReply(ctx: CommandContext, values: AssignValues): Reply[] {
  const { services, t } = ctx;
  const name = (id: string) => {
    const unit = services.conference.unit(id);
    return unit ? unitAddress(unit) : id;
  };
  const every = values.every ?? "none";
  const lines = [
    t("task-confirm", { unit: name(values.unit), content: values.content, criterion: values.criterion ?? "none", deadline: dayText(values.deadline) }),
    t("task-confirm-more", { supporting: values.supporting?.length ? values.supporting.map(name).join(", ") : "none", every: t(`task-every-${every}`) }),
  ];
  const others = (["weekly", "monthly", "none"] as const).filter((e) => e !== every);
  return [
    choices(lines.join("\n"), [
      offer(t("task-choice-assign"), { ...values, kind: "tasks.assign.confirm" }),
      offer(t("task-choice-supporting"), { ...values, kind: "tasks.assign.supporting" }),
      ...others.map((e) => offer(t(`task-choice-every-${e}`), { ...values, kind: "tasks.assign.every", every: e })),
      offer(t("task-choice-cancel"), { kind: "tasks.assign.cancel" }),
    ]),
  ];
}

/** The deadline typed: the task is shown whole, to confirm. */
async function askConfirm(ctx: CommandContext, step: StepOf<"tasks.assign.deadline">, typed: string): Promise<Reply[]> {
  const { services, t } = ctx;
  if (!typed) return [text(t("task-ask-deadline"))];
  const deadline = deadlineOf(ctx, typed);
  if (deadline < localDay(services.clock.now())) throw new BadArguments("task-deadline-past", { day: dayText(deadline) });
  await endAwaiting(services.store, ctx.account.key, "tasks.assign.deadline");
  return confirmReply(ctx, { unit: step.unit, content: step.content, ...(step.criterion && { criterion: step.criterion }), deadline });
}

/** "Thêm đơn vị phối hợp": the names typed ("không": none), or asked for; then the task again, to confirm. */
async function supportingUnits(ctx: CommandContext, step: StepOf<"tasks.assign.supporting">, typed: string): Promise<Reply[]> {
  const { services, t } = ctx;
  const { kind: _kind, ...values } = step;
  if (!typed) {
    await awaitStep(services.store, ctx.account.key, step, "task-ask-supporting", services.clock.now(), { dropChoices: true });
    return [text(t("task-ask-supporting"))];
  }
  const none = NO_CRITERION.test(fold(typed).trim());
  const ids = none ? [] : typed.split(/[,;]/).flatMap((name) => (name.trim() ? [requireUnit(services.conference, name.trim()).id] : []));
  await endAwaiting(services.store, ctx.account.key, "tasks.assign.supporting");
  const supporting = [...new Set(ids)].filter((id) => id !== values.unit);
  const { supporting: _before, ...rest } = values;
  return confirmReply(ctx, { ...rest, ...(supporting.length > 0 && { supporting }) });
}

export const assignSteps: StepHandlers<
  "tasks.assign.unit" | "tasks.assign.content" | "tasks.assign.criterion" | "tasks.assign.deadline" | "tasks.assign.confirm" | "tasks.assign.supporting" | "tasks.assign.every" | "tasks.assign.cancel"
> = {
  "tasks.assign.unit": { command: "nhiemvu", run: (ctx, _step, typed) => askContent(ctx, typed) },
  "tasks.assign.content": { command: "nhiemvu", run: (ctx, step, typed) => (typed ? askCriterion(ctx, step, typed) : askContent(ctx, step.unit)) },
  "tasks.assign.criterion": { command: "nhiemvu", run: (ctx, step, typed) => askDeadline(ctx, step, typed) },
  "tasks.assign.deadline": { command: "nhiemvu", run: (ctx, step, typed) => askConfirm(ctx, step, typed) },
  "tasks.assign.confirm": {
    command: "nhiemvu",
    run: (ctx, step) =>
      assign(ctx, [
        {
          unitId: step.unit,
          content: step.content,
          ...(step.criterion && { criterion: step.criterion }),
          deadline: step.deadline,
          ...(step.supporting && { supporting: step.supporting }),
          reportEvery: step.every ?? "none",
        },
      ]),
  },
  "tasks.assign.supporting": { command: "nhiemvu", run: (ctx, step, typed) => supportingUnits(ctx, step, typed) },
  "tasks.assign.every": {
    command: "nhiemvu",
    run: async (ctx, step) => {
      const { kind: _kind, ...values } = step;
      return confirmReply(ctx, values);
    },
  },
  "tasks.assign.cancel": { command: "nhiemvu", run: (ctx) => Promise.resolve([text(ctx.t("task-assign-cancelled"))]) },
};
