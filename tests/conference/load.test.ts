// The conference file: the shipped Phong Thổ file validates; broken files fail with line and field.
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConference, parseConference } from "../../src/conference/load.js";
import { bundle, lineOf, SHIPPED, shippedText, translator } from "./helpers.js";
import { ConferenceFileError } from "../../src/conference/errors.js";

function failure(text: string, file = "broken.yaml"): ConferenceFileError {
  try {
    parseConference(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConferenceFileError);
    return err as ConferenceFileError;
  }
  throw new Error("expected the file to fail");
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, `occurrences of ${from}`).toBe(1);
  return text.replace(from, to);
}

const vi = translator("vi");
const en = translator("en");

describe("the shipped conference file", () => {
  const conf = loadConference(SHIPPED);

  it("validates and names the plan's conference", () => {
    expect(conf.id).toBe("phong-tho-2023");
    expect(conf.title).toBe(
      "Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ và Công bố Chỉ số CCHC của UBND các xã, thị trấn năm 2023",
    );
    expect(conf.body).toBe("Ủy ban nhân dân huyện Phong Thổ");
    expect(conf.signer).toEqual({ name: "Trần Bảo Trung", title: "Chủ tịch", on_behalf: "TM. Ủy ban nhân dân" });
    expect(conf.document?.number).toBe("/KH-UBND");
    expect(conf.purposes).toHaveLength(2);
    expect(conf.requirements).toHaveLength(2);
  });

  it("has time and place still to be announced, half a day", () => {
    expect(conf.schedule.start).toBeNull();
    expect(conf.schedule.place).toBeNull();
    expect(conf.schedule.duration_minutes).toBe(240);
    expect(conf.schedule.planned_place).toBe("Hội trường UBND huyện");
  });

  it("invites the 16 communes and the town with their codes, and the agencies", () => {
    const communes = conf.units.filter((u) => u.kind === "commune");
    const towns = conf.units.filter((u) => u.kind === "town");
    expect(communes).toHaveLength(16);
    expect(towns.map((u) => u.id)).toEqual(["thi-tran-phong-tho"]);
    for (const u of [...communes, ...towns]) {
      expect(u.code).toMatch(/^\d{5}$/);
      expect(u.seats.map((s) => s.id)).toEqual(["chair", "cchc", "motcua", "kstthc"]);
      expect(u.full_name).toMatch(/^UBND (xã|thị trấn) /);
    }
    expect(new Set(conf.units.map((u) => u.code).filter(Boolean)).size).toBe(17);
    const agencies = conf.units.filter((u) => u.kind === "agency").map((u) => u.id);
    expect(agencies).toEqual(
      expect.arrayContaining(["van-phong-hdnd-ubnd", "phong-noi-vu", "trung-tam-van-hoa", "mttq", "hoi-dong-tham-dinh"]),
    );
    expect(conf.units.find((u) => u.id === "muong-so")?.name).toBe("Mường So");
    expect(conf.units.find((u) => u.id === "tung-qua-lin")?.aliases).toContain("Tông Qua Lìn");
  });

  it("has the 5 agenda items, 6 participant groups, 3 duties and 5 speeches of the plan", () => {
    expect(conf.agenda).toHaveLength(5);
    expect(conf.agenda[4]?.title).toBe("Kết luận Hội nghị");
    expect(conf.participants).toHaveLength(6);
    expect(conf.duties.map((d) => [d.ref, d.unit])).toEqual([
      ["III.1", "phong-noi-vu"],
      ["III.2", "van-phong-hdnd-ubnd"],
      ["III.3", "trung-tam-van-hoa"],
    ]);
    expect(conf.speeches.map((s) => s.unit)).toEqual(["van-phong-hdnd-ubnd", "muong-so", "ban-lang", "vang-ma-chai", "tung-qua-lin"]);
    expect(conf.open_floor).toMatch(/^Các đơn vị còn lại chủ động ý kiến phát biểu/);
  });

  it("keeps deadlines as offsets and the reminders of one day and one hour", () => {
    expect(conf.deadlines).toEqual({ rsvp: { before_start: "24h" }, speech: { before_start: "3d" } });
    expect(conf.reminders).toEqual([{ before_start: "1d" }, { before_start: "1h" }]);
    expect(conf.scores?.classification.map((c) => c.label)).toEqual(["Tốt", "Khá", "Trung bình", "Yếu"]);
  });
});

describe("a broken conference file", () => {
  const text = shippedText();

  it("reports a wrong unit kind with its line and field", () => {
    const at = text.indexOf("id: pa-vay-su");
    const broken = text.slice(0, at) + text.slice(at).replace("kind: commune", "kind: huyen");
    const line = lineOf(broken, "kind: huyen");
    const err = failure(broken);
    expect(err.field).toBe("units[3].kind");
    expect(err.line).toBe(line);
    expect(err.column).toBe(5);
    expect(err.code).toBe("conf-err-enum");
    expect(err.params.value).toBe("huyen");
    expect(err.describe(vi)).toBe(
      `Tệp hội nghị broken.yaml, dòng ${line}: trường units[3].kind không nhận giá trị “huyen”, chỉ dùng một trong các giá trị agency, commune, town, ward, special_zone.`,
    );
    expect(err.describe(en)).toContain(`line ${line}: field units[3].kind cannot be “huyen”`);
  });

  it("reports a missing title at the top of the file", () => {
    const broken = text.replace(/^title: .*\n/m, "");
    const err = failure(broken);
    expect(err.field).toBe("title");
    expect(err.code).toBe("conf-err-required");
    expect(err.line).toBe(lineOf(broken, "id: phong-tho-2023"));
    expect(err.describe(vi)).toBe(`Tệp hội nghị broken.yaml, dòng ${err.line}: thiếu trường title, hãy thêm trường này.`);
  });

  it("reports a missing field of a unit at the unit", () => {
    const broken = replaceOnce(text, '    name: "Bản Lang"\n', "");
    const err = failure(broken);
    expect(err.field).toBe("units[9].name");
    expect(err.code).toBe("conf-err-required");
    expect(err.line).toBe(lineOf(broken, "id: ban-lang"));
  });

  it("reports an unknown key with its own line", () => {
    const broken = replaceOnce(text, '  title: "Chủ tịch"\n', '  title: "Chủ tịch"\n  chuc_vu: "Chủ tịch"\n');
    const err = failure(broken);
    expect(err.field).toBe("signer.chuc_vu");
    expect(err.code).toBe("conf-err-unknown-field");
    expect(err.line).toBe(lineOf(broken, "chuc_vu:"));
    expect(err.describe(vi)).toContain("trường signer.chuc_vu không có trong mẫu tệp hội nghị");
  });

  it("reports a YAML syntax error with its line", () => {
    const broken = replaceOnce(text, '  name: "Trần Bảo Trung"\n', '  name: "Trần Bảo Trung"\n   oops: [\n');
    const err = failure(broken);
    expect(err.code).toBe("conf-err-yaml");
    expect(err.line).toBe(lineOf(broken, "oops: ["));
    expect(err.describe(vi)).toMatch(new RegExp(`^Tệp hội nghị broken.yaml, dòng ${err.line}, cột \\d+: sai cú pháp YAML`));
  });

  it("reports a speech that names an unknown unit", () => {
    const broken = replaceOnce(text, "  - unit: muong-so\n", "  - unit: muong-sa\n");
    const err = failure(broken);
    expect(err.field).toBe("speeches[1].unit");
    expect(err.code).toBe("conf-err-unknown-unit");
    expect(err.params.id).toBe("muong-sa");
    expect(err.line).toBe(lineOf(broken, "unit: muong-sa"));
    expect(err.describe(vi)).toContain("ghi đơn vị “muong-sa”");
  });

  it("reports a duplicate unit id and a wrong offset", () => {
    const dup = replaceOnce(text, "  - id: mo-si-san\n", "  - id: si-lo-lau\n");
    const e1 = failure(dup);
    expect(e1.code).toBe("conf-err-duplicate-unit");
    expect(e1.field).toBe("units[2].id");
    expect(e1.line).toBe(lineOf(dup, "id: si-lo-lau", lineOf(dup, "id: si-lo-lau")));

    const off = replaceOnce(text, 'rsvp: { before_start: "24h" }', 'rsvp: { before_start: "24 giờ" }');
    const e2 = failure(off);
    expect(e2.code).toBe("conf-err-offset");
    expect(e2.field).toBe("deadlines.rsvp.before_start");
    expect(e2.line).toBe(lineOf(off, `before_start: "24 giờ"`));
  });

  it("reports a wrong type and an empty list", () => {
    const t1 = replaceOnce(text, "duration_minutes: 240", "duration_minutes: nửa ngày");
    const e1 = failure(t1);
    expect(e1.code).toBe("conf-err-type");
    expect(e1.params.expected).toBe("number");
    expect(e1.describe(vi)).toContain("trường schedule.duration_minutes phải là một số.");

    const t3 = replaceOnce(text, "duration_minutes: 240", "duration_minutes: 0");
    expect(failure(t3).describe(vi)).toContain("trường schedule.duration_minutes phải lớn hơn 0.");

    const t2 = text.replace(/^agenda:\n( {2}- title: .*\n)+/m, "agenda: []\n");
    const e2 = failure(t2);
    expect(e2.code).toBe("conf-err-too-small");
    expect(e2.field).toBe("agenda");
    expect(e2.describe(vi)).toContain("trường agenda phải có ít nhất 1 mục.");
    expect(e2.describe(en)).toContain("field agenda needs at least 1 item.");
  });

  it("reports an empty file and a missing file", () => {
    expect(failure("").code).toBe("conf-err-empty");
    let err: unknown;
    try {
      loadConference(path.join(os.tmpdir(), "no-such-conference.yaml"));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConferenceFileError);
    expect((err as ConferenceFileError).code).toBe("conf-err-read");
    expect((err as ConferenceFileError).describe(vi)).toContain("Không đọc được tệp hội nghị");
  });

  it("loads a broken copy from disk with the file's path in the error", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conf-"));
    const file = path.join(dir, "x.yaml");
    fs.writeFileSync(file, text.replace(/^title: .*\n/m, ""));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    expect(() => loadConference(file)).toThrow(ConferenceFileError);
    try {
      loadConference(file);
    } catch (e) {
      expect((e as ConferenceFileError).file).toBe(file);
      expect((e as ConferenceFileError).message).not.toMatch(/[àáảãạăâđêôơư]/i);
    }
  });
});

describe("conference messages", () => {
  it("exist in Vietnamese and English with the same keys", () => {
    const keys = (lang: "vi" | "en") =>
      [...fs.readFileSync(path.join(path.dirname(SHIPPED), "..", "locales", lang, "conference.ftl"), "utf8").matchAll(/^([a-z][a-z0-9-]*) =/gm)]
        .map((m) => m[1])
        .sort();
    expect(keys("vi")).toEqual(keys("en"));
    for (const k of [
      "conf-err-type",
      "conf-err-required",
      "conf-err-unknown-field",
      "conf-err-enum",
      "conf-err-too-small",
      "conf-err-format",
      "conf-err-offset",
      "conf-err-at",
      "conf-err-id",
      "conf-err-duplicate-unit",
      "conf-err-unknown-unit",
      "conf-err-yaml",
      "conf-file-ok",
    ]) {
      expect(bundle("vi").hasMessage(k), k).toBe(true);
    }
    expect(translator("vi")("conf-file-ok", { file: "a.yaml", title: "T", units: 22, agenda: 5 })).toBe(
      "Tệp hội nghị a.yaml hợp lệ: “T”, 22 đơn vị được mời, 5 nội dung chương trình.",
    );
  });
});
