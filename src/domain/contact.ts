// Who to ask: the conference's contact (name, position, phone), for every "liên hệ Ban tổ chức".
import type { Conference } from "../conference/schema.js";

export interface Contact {
  name: string;
  position?: string;
  /** Undefined while not known (shown as "đang cập nhật"). */
  phone?: string;
}

/** The contact of the conference file, with an empty phone or position read as not known. */
export function contactOf(conf: Pick<Conference, "contact">): Contact | undefined {
  const c = conf.contact;
  if (!c) return undefined;
  const phone = c.phone?.trim();
  const position = c.position?.trim();
  return { name: c.name.trim(), ...(position && { position }), ...(phone && { phone }) };
}
