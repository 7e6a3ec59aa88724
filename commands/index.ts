// Every command of the bot, in the order help and menus show them.
import { calendarCommands } from "./calendar.js";
import { checkinCommands, checkinSteps } from "./checkin.js";
import { conclusionsCommands, conclusionsSteps } from "./conclusions.js";
import { documentCommands } from "./documents.js";
import { deskCommands } from "./desk.js";
import { exportCommands } from "./export.js";
import { agendaCommands } from "./agenda.js";
import { understander } from "./understand/intents.js";
import { cancelCommand } from "./cancel.js";
import { conferenceCommands, conferenceSteps } from "./conferences.js";
import { helpCommand } from "./help.js";
import { invitesCommand, invitesSteps } from "./invites.js";
import { joinSteps, startCommand } from "./join.js";
import { scheduleCommand, scheduleSteps } from "./schedule.js";
import { noticeCommands, noticeSteps, noticeTriggers } from "./notices.js";
import { reportCommands, reportSteps } from "./report.js";
import { type CommandLayer, createCommandLayer, type TextTrigger } from "./router.js";
import { rsvpCommands, rsvpSteps } from "./rsvp.js";
import { scoreCommands, scoreSteps } from "./scores.js";
import { speakerCommands, speakerSteps } from "./speakers.js";
import { keepDraftsOpen, reviewSteps, speechCommands, speechSteps } from "./speech.js";
import type { StepTable } from "./steps.js";
import { taskCommands, taskSteps, taskTriggers } from "./tasks.js";
import { remedyCommands, remedySteps } from "./remedy.js";
import type { CommandDef } from "./types.js";
import type { Services } from "../src/messages/types.js";

/** The commands everyone has (help is added per layer, after /start), with /datlich, /mamoi and /huy. */
export const generalCommands: CommandDef[] = [startCommand, ...agendaCommands, scheduleCommand, invitesCommand, cancelCommand, ...conferenceCommands];

/** Feature modules add their commands here. */
const featureCommands: CommandDef[][] = [generalCommands, rsvpCommands, speechCommands, speakerCommands, checkinCommands, reportCommands, exportCommands, documentCommands, scoreCommands, noticeCommands, calendarCommands, deskCommands, taskCommands, conclusionsCommands, remedyCommands];
const featureTriggers: TextTrigger[][] = [noticeTriggers, taskTriggers];

/**
 * The one dispatch table of conversation steps (commands/steps.ts): each kind's handler, from the
 * module of its subject. A kind without a handler does not compile.
 */
export const stepTable: StepTable = {
  ...joinSteps,
  ...scheduleSteps,
  ...invitesSteps,
  ...speechSteps,
  ...speakerSteps,
  // ---- Attendance: /dangky, /diemdanh, /nhacnho ----
  ...rsvpSteps,
  ...checkinSteps,
  ...reportSteps,
  // ---- Notices, scores and /duyet (issue 20, round two, part B) ----
  ...noticeSteps,
  ...scoreSteps,
  ...reviewSteps,
  // ---- Tasks after the conference (issue 23) ----
  ...taskSteps,
  // ---- The conclusions (issue 23) ----
  ...conclusionsSteps,
  // ---- Remediation plans after publication (issue 23, item 5) ----
  ...remedySteps,
  // ---- The conferences of the bot (issue 26) ----
  ...conferenceSteps,
};

/** Every name and alias a command answers to (for reading a typed command line without a running bot). */
export function commandNames(): Set<string> {
  const names = new Set<string>(["trogiup", "help"]);
  for (const d of featureCommands.flat()) for (const n of [d.name, ...d.aliases]) names.add(n);
  return names;
}

export function createBot(services: Services): CommandLayer {
  let layer: CommandLayer | undefined;
  const help = helpCommand((ctx) => layer?.visible(ctx.role) ?? []);
  const [start, ...rest] = featureCommands.flat();
  const defs = [start as CommandDef, help, ...rest];
  layer = keepDraftsOpen(services, createCommandLayer(services, defs, { triggers: featureTriggers.flat(), understand: understander, steps: stepTable }));
  return layer;
}
