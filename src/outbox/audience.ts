// Who a notice goes to: the audience an organizer picks, written as a short string, resolved to accounts.
import type { AccountKey, Channel, Data } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import type { Unit } from "../conference/schema.js";

/**
 * The audiences of a notice. Stored on Notice.audience as: "all", "communes" (communes and the
 * town), "agencies", "no_rsvp" (units with no answer for any seat), "no_speech" (units with an
 * assigned speech and nothing submitted), "units:<id>,<id>" (named units), "resend:<noticeId>"
 * (the accounts that have not acknowledged that notice), "direct" (Notifier.send).
 */
export type Audience =
  | { kind: "all" | "communes" | "agencies" | "no_rsvp" | "no_speech" }
  | { kind: "units"; unitIds: string[] }
  | { kind: "resend"; noticeId: string }
  | { kind: "direct" };

export function encodeAudience(a: Audience): string {
  if (a.kind === "units") return `units:${a.unitIds.join(",")}`;
  if (a.kind === "resend") return `resend:${a.noticeId}`;
  return a.kind;
}

export function decodeAudience(s: string): Audience | undefined {
  if (s.startsWith("units:")) return { kind: "units", unitIds: s.slice(6).split(",").filter(Boolean) };
  if (s.startsWith("resend:")) return { kind: "resend", noticeId: s.slice(7) };
  if (["all", "communes", "agencies", "no_rsvp", "no_speech", "direct"].includes(s)) return { kind: s } as Audience;
  return undefined;
}

/** The words an organizer types for an audience (folded: no case, no diacritics). */
export const AUDIENCE_WORDS: Record<string, Audience["kind"]> = {
  tatca: "all",
  all: "all",
  xa: "communes",
  communes: "communes",
  coquan: "agencies",
  agencies: "agencies",
  chuatraloi: "no_rsvp",
  noanswer: "no_rsvp",
  chuanop: "no_speech",
  nospeech: "no_speech",
};

export interface ResolvedAudience {
  /** The units the audience names (for delegate audiences). */
  units: Unit[];
  /** Units of the audience that no account has joined yet: nobody there can be told. */
  unitsWithoutAccount: Unit[];
  /** Every account, once, in a stable order. */
  accounts: AccountKey[];
  byChannel: Record<Channel, number>;
  /** Accounts that blocked the bot: they get an "unreachable" delivery, not a send. */
  unreachable: number;
}

/** The units an audience names; undefined for audiences of accounts (resend, direct). */
export function audienceUnits(conference: ConferenceService, data: Data, a: Audience): Unit[] | undefined {
  const all = conference.units();
  switch (a.kind) {
    case "all":
      return all;
    case "communes":
      return all.filter((u) => u.kind === "commune" || u.kind === "town");
    case "agencies":
      return all.filter((u) => u.kind === "agency");
    case "no_rsvp":
      return all.filter((u) => !data.rsvps.some((r) => r.unitId === u.id));
    case "no_speech":
      return conference.conf.speeches
        .map((s) => conference.unit(s.unit))
        .filter((u): u is Unit => Boolean(u) && !(data.speeches[(u as Unit).id]?.versions.length ?? 0));
    case "units":
      return a.unitIds.map((id) => conference.unit(id)).filter((u): u is Unit => Boolean(u));
    default:
      return undefined;
  }
}

/**
 * Who acknowledged a notice (there or on a resend of it) and who has not: the accounts it was sent
 * to, or is still being sent to, or failed for. Accounts found unreachable are in neither list.
 */
export function ackState(data: Data, noticeId: string): { acked: AccountKey[]; missing: AccountKey[] } {
  const family = new Set([noticeId, ...data.notices.filter((n) => n.resendOf === noticeId).map((n) => n.id)]);
  const ackedSet = new Set<AccountKey>();
  const candidates: AccountKey[] = [];
  for (const d of data.deliveries) {
    if (!family.has(d.noticeId)) continue;
    if (d.ackAt) ackedSet.add(d.account);
    if (d.noticeId === noticeId && (d.state === "sent" || d.state === "failed" || d.state === "pending")) candidates.push(d.account);
  }
  return { acked: candidates.filter((k) => ackedSet.has(k)), missing: candidates.filter((k) => !ackedSet.has(k)) };
}

/** The audience of "resend to those who have not acknowledged". */
export function notAcknowledged(data: Data, noticeId: string): AccountKey[] {
  return ackState(data, noticeId).missing;
}

export function resolveAudience(conference: ConferenceService, data: Data, a: Audience): ResolvedAudience {
  const units = audienceUnits(conference, data, a);
  let accounts: AccountKey[];
  let unitsWithoutAccount: Unit[] = [];
  if (units) {
    const wanted = new Set(units.map((u) => u.id));
    const reached = new Set<string>();
    // Delegate audiences: accounts that joined one of the units; an account without a unit is skipped.
    accounts = Object.values(data.accounts)
      .filter((acc) => acc.unitId && wanted.has(acc.unitId))
      .map((acc) => {
        reached.add(acc.unitId as string);
        return acc.key;
      });
    unitsWithoutAccount = units.filter((u) => !reached.has(u.id));
  } else if (a.kind === "resend") {
    accounts = notAcknowledged(data, a.noticeId).filter((k) => data.accounts[k]);
  } else {
    accounts = [];
  }
  accounts = [...new Set(accounts)];
  const byChannel: Record<Channel, number> = { telegram: 0, zalo: 0, console: 0 };
  let unreachable = 0;
  for (const k of accounts) {
    const acc = data.accounts[k];
    if (!acc) continue;
    byChannel[acc.channel] += 1;
    if (acc.unreachableSince) unreachable += 1;
  }
  return { units: units ?? [], unitsWithoutAccount, accounts, byChannel, unreachable };
}
