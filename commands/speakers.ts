// Voluntary speaking (/phatbieu): a unit registers a topic for the discussion, may withdraw it; organizers see the order.
import type { Unit } from "../src/conference/schema.js";
import { activeSpeakers, MAX_TOPIC, registerSpeaker, speakersOfUnit, withdrawSpeaker } from "../src/domain/speakers.js";
import { unitAddress, unitNameById } from "../src/domain/units.js";
import { fold, shorten } from "../src/lib/text.js";
import { formatDateTime } from "../src/lib/time.js";
import { awaitStep } from "../src/domain/sessions.js";
import { choices, numbered, text } from "./replies.js";
import { offer, type StepHandlers, type StepOf } from "./steps.js";
import type { Choice, Reply } from "../src/messages/types.js";
import type { CommandContext, CommandDef } from "./types.js";
import { UserError } from "../src/domain/errors.js";

const REGISTER_WORDS = new Set(["dangky", "register"]);
const WITHDRAW_WORDS = new Set(["rut", "withdraw"]);
/** The step that waits for a topic (chosen, it asks for one). */
const ASK_TOPIC: StepOf<"speak.topic"> = { kind: "speak.topic" };

const short = (s: string, max = 60): string => shorten(s, max);

/** The organizers' view, in order of registration; /baocao shows the same list. */
export function speakerLines(ctx: CommandContext): string[] {
  const { t, services } = ctx;
  return activeSpeakers(services.store.data).map((s) =>
    t("speak-list-item", {
      unit: unitNameById(services.conference, s.unitId),
      topic: s.topic,
      by: services.store.data.accounts[s.by]?.displayName ?? s.by,
      time: formatDateTime(t, s.at),
    }),
  );
}

function organizerView(ctx: CommandContext): Reply[] {
  const { t } = ctx;
  const lines = speakerLines(ctx);
  if (lines.length === 0) return [text(t("speak-list-empty"))];
  return [text(`${t("speak-list-title", { count: lines.length })}\n${numbered(lines)}`)];
}

async function askTopic(ctx: CommandContext, unit: Unit): Promise<Reply[]> {
  // The topic is free text: a number in it must not pick one of the choices shown before.
  await awaitStep(ctx.services.store, ctx.account.key, ASK_TOPIC, "speak-ask-topic", ctx.services.clock.now(), { dropChoices: true });
  return [text(ctx.t("speak-ask-topic", { unit: unitAddress(unit), max: MAX_TOPIC }))];
}

function unitView(ctx: CommandContext, unit: Unit): Reply[] | undefined {
  const { t, services } = ctx;
  const all = activeSpeakers(services.store.data);
  const mine = speakersOfUnit(services.store.data, unit.id);
  if (mine.length === 0) return undefined;
  const lines = mine.map((s) => t("speak-mine-item", { topic: s.topic, position: all.indexOf(s) + 1, time: formatDateTime(t, s.at) }));
  const offered: Choice[] = mine.map((s) => offer(t("speak-withdraw-label", { topic: short(s.topic) }), { kind: "speak.withdraw", id: s.id }));
  offered.push(offer(t("speak-add-label"), ASK_TOPIC));
  return [choices(`${t("speak-mine-title", { unit: unitAddress(unit) })}\n${numbered(lines)}\n\n${t("speak-mine-choose")}`, offered)];
}

async function register(ctx: CommandContext, unit: Unit, topic: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const key = ctx.account.key;
  const { speaker, position } = await registerSpeaker(services, { unitId: unit.id, topic, by: key, now: services.clock.now() }, { endAwaiting: ASK_TOPIC.kind });
  services.logger.info({ unit: unit.id, by: key, position }, "voluntary speaker registered");
  // The topic as kept (through the one text filter), not as typed.
  return [text(t("speak-saved", { unit: unitAddress(unit), topic: speaker.topic, position }))];
}

async function withdraw(ctx: CommandContext, unit: Unit, id: string | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  const withdrawn = await withdrawSpeaker(services, { unitId: unit.id, id, by: ctx.account.key, now: services.clock.now() });
  services.logger.info({ unit: unit.id, by: ctx.account.key }, "voluntary speaker withdrawn");
  return [text(t("speak-withdrawn", { topic: withdrawn.topic }))];
}

const speak: CommandDef = {
  name: "phatbieu",
  aliases: ["speak"],
  roles: ["delegate", "organizer"],
  describe: "cmd-speak",
  async handler(ctx) {
    const { unit, role, args } = ctx;
    const [first = "", ...rest] = args.split(/\s+/).filter(Boolean);
    const verb = fold(first);
    // An organizer asking without arguments sees everyone's registrations (one with a unit registers with a topic).
    if (!args && role === "organizer") return organizerView(ctx);
    if (!unit) throw new UserError("speak-no-unit");
    if (WITHDRAW_WORDS.has(verb) && rest.length <= 1 && (rest.length === 0 || /^[0-9a-f]{8}$/.test(rest[0] as string)))
      return withdraw(ctx, unit, rest[0]);
    if (REGISTER_WORDS.has(verb)) {
      const topic = rest.join(" ");
      return topic ? register(ctx, unit, topic) : askTopic(ctx, unit);
    }
    if (args) return register(ctx, unit, args);
    return unitView(ctx, unit) ?? askTopic(ctx, unit);
  },
};

export const speakerCommands: CommandDef[] = [speak];

/** The unit the steps of /phatbieu act for (an organizer without a unit is told so, as by the command). */
function ownUnit(ctx: CommandContext): Unit {
  if (!ctx.unit) throw new UserError("speak-no-unit");
  return ctx.unit;
}

/** The steps of /phatbieu: the topic asked for (typed: registered), a registration withdrawn. */
export const speakerSteps: StepHandlers<"speak.topic" | "speak.withdraw"> = {
  "speak.topic": {
    command: "phatbieu",
    run: (ctx, _step, typed) => (typed ? register(ctx, ownUnit(ctx), typed) : askTopic(ctx, ownUnit(ctx))),
  },
  "speak.withdraw": {
    command: "phatbieu",
    run: (ctx, step) => withdraw(ctx, ownUnit(ctx), step.id),
  },
};
