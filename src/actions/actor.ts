// Who does a thing: the account, its name, its unit and its role now. Chat and desk both fill it.
import type { Account, AccountKey, Role } from "../../storage/schema.js";

export interface Actor {
  key: AccountKey;
  displayName: string;
  unitId?: string;
  role: Role;
}

/** An account acting in a role (the chat's role of the one who typed; "organizer" on the desk). */
export function actorOf(account: Account, role: Role): Actor {
  return { key: account.key, displayName: account.displayName, ...(account.unitId && { unitId: account.unitId }), role };
}
