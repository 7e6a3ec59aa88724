// Who does a thing: the account, its name, its unit and its role now. Chat and desk both fill it.
import type { AccountKey, Role } from "../../storage/schema.js";

export interface Actor {
  key: AccountKey;
  displayName: string;
  unitId?: string;
  role: Role;
}
