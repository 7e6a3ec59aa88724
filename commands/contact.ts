// The contact named in every "liên hệ Ban tổ chức" sentence (the `contact` variable of those messages), and the line that names it in help and the agenda.
import type { Conference } from "../src/conference/schema.js";
import { contactOf } from "../src/domain/contact.js";
import type { Translate } from "../src/lib/i18n.js";

/** " (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật)", or "" when the conference file names no one. */
export function contactRef(t: Translate, conf: Pick<Conference, "contact">): string {
  const c = contactOf(conf);
  if (!c) return "";
  return t("contact-ref", { name: c.name, phone: c.phone ?? t("contact-phone-tba") });
}

/** "Liên hệ Ban tổ chức: Phòng Nội vụ huyện Phong Thổ (…), điện thoại: đang cập nhật." — empty when the file names no one. */
export function contactLine(t: Translate, conf: Pick<Conference, "contact">): string {
  const c = contactOf(conf);
  if (!c) return "";
  const phone = c.phone ?? t("contact-phone-tba");
  return c.position ? t("contact-line", { name: c.name, position: c.position, phone }) : t("contact-line-short", { name: c.name, phone });
}
