// Rules for what only the organizers' desk does: taking an account out of its unit, and checking a
// seat in on behalf of a unit at the reception desk.
import type { Seat, Unit } from "../conference/schema.js";
import type { AccountKey, Checkin } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { checkinWindow } from "./attendance.js";
import { BadArguments, NotAllowed, UserError } from "./errors.js";

/**
 * Takes an account out of its unit: it becomes a guest again (its answers and check-ins stay, they
 * were the unit's). Rules: only an organizer; the account must belong to that unit.
 */
export async function removeFromUnit(store: Store, input: { unitId: string; account: AccountKey; role: string }): Promise<{ displayName: string; language: string }> {
  if (input.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  return store.mutate((d) => {
    const a = d.accounts[input.account];
    if (!a || a.unitId !== input.unitId) throw new UserError("desk-account-unknown");
    delete a.unitId;
    delete a.joinedAt;
    return { displayName: a.displayName, language: a.language };
  });
}

/** The account key a check-in made at the desk is filed under: one per seat, never a person's. */
export function deskCheckinKey(unitId: string, seatId: string): AccountKey {
  return `ban-to-chuc:${unitId}/${seatId}`;
}

/**
 * Checks one seat of a unit in on its behalf (a delegate at the reception desk without a phone).
 * Rules: only an organizer; only while check-in is open (the same window as /diemdanh, no hall
 * code needed: the organizer sees the person); a seat is checked in once, by anyone.
 */
export async function checkInOnBehalf(
  store: Store,
  input: { unit: Unit; seatId: string; role: string; schedule: { start?: Date; end?: Date }; now: Date },
): Promise<{ checkin: Checkin; seat: Seat }> {
  if (input.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  const seat = input.unit.seats.find((s) => s.id === input.seatId);
  if (!seat) throw new BadArguments("desk-bad-input");
  if (checkinWindow(input.schedule, input.now).state !== "open") throw new UserError("desk-board-not-open");
  return store.mutate((d) => {
    if (d.checkins.some((c) => c.unitId === input.unit.id && c.seatId === seat.id)) throw new UserError("desk-board-seat-taken");
    const checkin: Checkin = { unitId: input.unit.id, seatId: seat.id, by: deskCheckinKey(input.unit.id, seat.id), at: input.now.toISOString() };
    d.checkins.push(checkin);
    return { checkin, seat };
  });
}
