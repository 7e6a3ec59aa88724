// The rules a remediation plan lives by, read alone: the measures read from a plan's text under their
// headings, the deadline in working days after publication (or the conference file's own), and the
// store's version 8 with its migration.
import { describe, expect, it } from "vitest";
import { remedyMeasures } from "../../src/domain/remedy.js";
import { addWorkingDays } from "../../src/lib/working-days.js";
import { MIGRATED_CONFERENCE, migrate, SCHEMA_VERSION } from "../../storage/schema.js";
import { checkStore } from "../../storage/validate.js";
import { emptyFlat, inConference, storeWith } from "../helpers/conference-store.js";

describe("the measures of a plan", () => {
  it("one per line under the heading of the criterion it answers; bullets and numbers dropped; a numbered measure is not a heading; a title is not a measure", () => {
    const text = [
      "KẾ HOẠCH KHẮC PHỤC (DỮ LIỆU MẪU)",
      "- Quán triệt kết quả Chỉ số CCHC tới cán bộ, công chức",
      "Tiêu chí 3.2 — Thực hiện cơ chế một cửa:",
      "- Niêm yết đủ thủ tục hành chính",
      "2) Cập nhật hồ sơ lên Cổng dịch vụ công",
      "",
      "Lĩnh vực 8: Khảo sát mức độ hài lòng hằng quý",
      "7.1. Ứng dụng công nghệ thông tin",
      "1. Dùng văn bản điện tử",
    ].join("\n");
    expect(remedyMeasures(text)).toEqual([
      { n: 1, text: "Quán triệt kết quả Chỉ số CCHC tới cán bộ, công chức" },
      { n: 2, text: "Niêm yết đủ thủ tục hành chính", criterion: "3.2" },
      { n: 3, text: "Cập nhật hồ sơ lên Cổng dịch vụ công", criterion: "3.2" },
      { n: 4, text: "Khảo sát mức độ hài lòng hằng quý", criterion: "8" },
      { n: 5, text: "Dùng văn bản điện tử", criterion: "7.1" },
    ]);
    // Without headings, every line is a measure.
    expect(remedyMeasures("Niêm yết thủ tục\nSố hóa hồ sơ").map((m) => m.text)).toEqual(["Niêm yết thủ tục", "Số hóa hồ sơ"]);
  });
});

describe("the deadline", () => {
  it("counts working days after the day of publication, skipping weekends and the file's holidays", () => {
    // Monday 21/6/2027 (09:00 Việt Nam time): 15 working days on is Monday 12/7.
    expect(addWorkingDays("2027-06-21T02:00:00Z", 15)).toBe("2027-07-12");
    // Published on a Friday evening: the next working day is the Monday.
    expect(addWorkingDays("2027-06-25T12:00:00Z", 1)).toBe("2027-06-28");
    expect(addWorkingDays("2027-06-25T12:00:00Z", 1, ["2027-06-28"])).toBe("2027-06-29");
  });
});

describe("schema version 8: remediation plans", () => {
  it("a version-7 file gains an empty set of plans, keeps everything else, and passes the check", () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(8);
    const { remedies: _none, ...rest } = emptyFlat();
    const old = { ...rest, schemaVersion: 7, tasks: { list: [], digests: ["2027-07"] } };
    const data = migrate(structuredClone(old), "hoinghi.json");
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    // The one conference's own data is filed under a placeholder until the app gives it its id (version 10).
    const own = data.conferences[MIGRATED_CONFERENCE];
    expect(own?.remedies).toEqual({ plans: {} });
    expect(own?.tasks).toEqual(old.tasks);
    expect(checkStore(data)).toBeUndefined();
  });

  it("a plan with a version of an unknown kind or a draft without parts is refused at start-up", () => {
    const plan = { unitId: "muong-so", versions: [{ n: 1, kind: "text", text: "Tiêu chí 3.2:\n- Niêm yết", by: "zalo:ms", at: "2027-06-22T02:00:00.000Z" }], reviews: [] };
    const plans = (value: unknown) => storeWith({ remedies: { plans: value as never } });
    expect(checkStore(plans({ "muong-so": plan }))).toBeUndefined();
    expect(checkStore(plans({ "muong-so": { ...plan, versions: [{ ...plan.versions[0], kind: "video" }] } }))?.path).toBe(`${inConference()}.remedies.plans["muong-so"].versions[0].kind`);
    expect(checkStore(plans({ "muong-so": { ...plan, draft: { by: "zalo:ms", startedAt: "2027-06-22T02:00:00.000Z" } } }))?.path).toBe(`${inConference()}.remedies.plans["muong-so"].draft.parts`);
  });
});
