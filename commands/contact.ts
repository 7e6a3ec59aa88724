// The contact named in every "liên hệ Ban tổ chức" sentence: the `contact` variable of those messages.
import type { Conference } from "../src/conference/schema.js";
import { contactOf } from "../src/domain/contact.js";
import type { Translate } from "../src/lib/i18n.js";

/** " (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật)", or "" when the conference file names no one. */
export function contactRef(t: Translate, conf: Pick<Conference, "contact">): string {
  const c = contactOf(conf);
  if (!c) return "";
  return t("contact-ref", { name: c.name, phone: c.phone ?? t("contact-phone-tba") });
}
