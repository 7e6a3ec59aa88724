// The conference file's schema: what a district writes in YAML to describe its conference.
// A namespace import, as zod advises: the bundle (scripts/bundle.mjs) then leaves out what is not used, such as its 50 locales.
import * as z from "zod";

/**
 * A moment relative to the start ("24h", "1d", "90m", "2d 12h" before it) or a fixed local time
 * ("2027-06-18 17:00", Asia/Ho_Chi_Minh). While the start is to be announced, an offset has not passed.
 */
export const Moment = z.union([
  z.object({ before_start: z.string().regex(/^(\d+\s*[dhm]\s*)+$/, "conf-err-offset") }).strict(),
  z.object({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/, "conf-err-at") }).strict(),
]);
export type Moment = z.infer<typeof Moment>;

/** An agency, or a local unit: xã (commune), thị trấn (town, before 2025), phường (ward), đặc khu (special zone, from 2025). */
export const UnitKind = z.enum(["agency", "commune", "town", "ward", "special_zone"]);
export type UnitKind = z.infer<typeof UnitKind>;

export const Seat = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]+$/, "conf-err-id"),
    title: z.string().min(1),
  })
  .strict();
export type Seat = z.infer<typeof Seat>;

export const Unit = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]+$/, "conf-err-id"),
    name: z.string().min(1),
    /** The name with its kind, as a letter is addressed ("UBND xã Mường So"). */
    full_name: z.string().min(1).optional(),
    kind: UnitKind,
    code: z.string().optional(),
    aliases: z.array(z.string().min(1)).default([]),
    seats: z.array(Seat).min(1),
  })
  .strict();
export type Unit = z.infer<typeof Unit>;

export const Conference = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]+$/, "conf-err-id"),
    title: z.string().min(1),
    short_title: z.string().min(1).optional(),
    body: z.string().min(1),
    document: z
      .object({ number: z.string().optional(), place_and_date: z.string().optional() })
      .strict()
      .optional(),
    signer: z.object({ name: z.string().min(1), title: z.string().min(1), on_behalf: z.string().optional() }).strict(),
    /** What the giấy mời (Nghị định 30/2020/NĐ-CP, Mẫu 1.7) needs beyond the plan; every field optional. */
    invitation: z
      .object({
        /** The issuing body's name as printed, one line each ("ỦY BAN NHÂN DÂN", "HUYỆN PHONG THỔ"); default: `body` in capitals. */
        body_lines: z.array(z.string().min(1)).min(1).optional(),
        /** The letter's number; left blank to fill by hand when not set. */
        number: z.string().optional(),
        /** The symbol after the number (default "GM-UBND"). */
        symbol: z.string().min(1).optional(),
        /** The place before the date ("Phong Thổ, ngày …"). */
        place: z.string().min(1).optional(),
        /** The date of issue "YYYY-MM-DD"; default the day the letters are made. */
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "conf-err-at").optional(),
        /** The summary line under "GIẤY MỜI"; default "Dự" and the conference's title. */
        summary: z.string().min(1).optional(),
        /** Who a unit calls with questions; an empty phone prints nothing about a phone on the papers. */
        contact: z.object({ name: z.string().min(1), phone: z.string().default("") }).strict().optional(),
        /** "Nơi nhận" after "Như trên" (default: "Lưu: VT"). */
        recipients: z.array(z.string().min(1)).optional(),
      })
      .strict()
      .optional(),
    /** The province, for what is read outside the district ("Lai Châu": the ranking chart's title). */
    province: z.string().min(1).optional(),
    chair: z.string().min(1),
    /**
     * The minutes (Biên bản, Mẫu 1.9): who writes them (printed under "THƯ KÝ"; blank: a line to sign
     * and write the name) and the chair's name under "CHỦ TỌA" (default: the signer's name).
     */
    minutes: z.object({ secretary: z.string().min(1).optional(), chair_name: z.string().min(1).optional() }).strict().optional(),
    /**
     * The Thông báo kết luận (Mẫu 1.4), issued by the office of the body whose leader chaired: that
     * office ("Văn phòng HĐND và UBND huyện"), the number's symbol (default "TB-VP"), and who signs:
     * `signer_title` with " / " between the "KT." line and the title ("KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH
     * VĂN PHÒNG", the default), `signer_name` (blank: a line left for the name); `header_lines`: the
     * office as the header prints it, one line each (default "VĂN PHÒNG", "HĐND VÀ UBND HUYỆN").
     */
    conclusions: z
      .object({
        issuer: z.string().min(1).optional(),
        header_lines: z.array(z.string().min(1)).min(1).optional(),
        symbol: z.string().min(1).optional(),
        signer_title: z.string().min(1).optional(),
        signer_name: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** Who to ask ("liên hệ Ban tổ chức"): a name, a position, a phone (empty while not known). */
    contact: z
      .object({ name: z.string().min(1), position: z.string().optional(), phone: z.string().optional() })
      .strict()
      .optional(),
    purposes: z.array(z.string().min(1)).default([]),
    requirements: z.array(z.string().min(1)).default([]),
    schedule: z
      .object({
        /** Local start time "YYYY-MM-DD HH:mm", or null while to be announced. */
        start: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, "conf-err-start").nullable().default(null),
        place: z.string().min(1).nullable().default(null),
        /** What the plan says while time and place are open ("dự kiến trong Tháng 6"). */
        expected: z.string().optional(),
        planned_place: z.string().optional(),
        duration_minutes: z.number().int().positive(),
        duration_label: z.string().optional(),
      })
      .strict(),
    agenda: z.array(z.object({ title: z.string().min(1) }).strict()).min(1),
    participants: z.array(z.object({ group: z.string().min(1), note: z.string().optional() }).strict()).min(1),
    duties: z
      .array(
        z
          .object({ ref: z.string().optional(), unit: z.string().min(1), tasks: z.array(z.string().min(1)).min(1) })
          .strict(),
      )
      .default([]),
    speeches: z.array(z.object({ unit: z.string().min(1), topic: z.string().min(1) }).strict()).default([]),
    open_floor: z.string().optional(),
    units: z.array(Unit).min(1),
    documents: z
      .array(z.object({ title: z.string().min(1), url: z.string().url().optional(), note: z.string().optional() }).strict())
      .default([]),
    deadlines: z.object({ rsvp: Moment, speech: Moment }).strict(),
    reminders: z.array(Moment).default([{ before_start: "1d" }, { before_start: "1h" }]),
    /** Public holidays (local days "YYYY-MM-DD"): /datlich asks to confirm a start on one of them. */
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "conf-err-at")).default([]),
    /**
     * The communes' remediation plans after publication (kế hoạch khắc phục): due on a fixed local day
     * ("YYYY-MM-DD", the whole day counts) or a number of working days after publication (default 15).
     */
    remediation: z
      .object({
        deadline_days_after_publication: z.number().int().min(1).max(365).optional(),
        deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "conf-err-at").optional(),
      })
      .strict()
      .optional(),
    /** Tasks after the conference: the days before a deadline a unit is reminded (default 7 and 1). */
    tasks: z
      .object({ remind_days_before: z.array(z.number().int().min(1).max(365)).min(1).optional() })
      .strict()
      .optional(),
    scores: z
      .object({
        year: z.number().int(),
        /** Classification labels with their lowest percentage, best first. */
        classification: z
          .array(z.object({ label: z.string().min(1), min_percent: z.number().min(0).max(100) }).strict())
          .min(1),
      })
      .strict()
      .optional(),
    /**
     * The 2025 reform (two tiers, communes merged): the mapping of old communes to the new ones, a
     * JSON file beside the project's (reference/dvhc-2025/), its path relative to this file. Units
     * carry their new statistical `code`, which the mapping knows.
     */
    reform: z.object({ mapping: z.string().min(1) }).strict().optional(),
    /** Who holds the conference: a district (huyện, before 2025) or a province (tỉnh): "toàn huyện" / "toàn tỉnh" in messages. */
    level: z.enum(["district", "province"]).default("district"),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.units.forEach((u, i) => {
      if (ids.has(u.id)) ctx.addIssue({ code: "custom", path: ["units", i, "id"], message: "conf-err-duplicate-unit", params: { id: u.id } });
      ids.add(u.id);
    });
    c.speeches.forEach((s, i) => {
      if (!ids.has(s.unit)) ctx.addIssue({ code: "custom", path: ["speeches", i, "unit"], message: "conf-err-unknown-unit", params: { id: s.unit } });
    });
    c.duties.forEach((d, i) => {
      if (!ids.has(d.unit)) ctx.addIssue({ code: "custom", path: ["duties", i, "unit"], message: "conf-err-unknown-unit", params: { id: d.unit } });
    });
  });
export type Conference = z.infer<typeof Conference>;
