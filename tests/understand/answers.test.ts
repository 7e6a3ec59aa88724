// The readers of answers to the bot's questions (commands/understand/readers.ts), on the phrasings of
// the shared corpus (../shared/corpus/plain-words.tsv, the lines where the bot had asked something)
// and on the other ways people type the same answers.
import { describe, expect, it } from "vitest";
import { finishesDraft, looksLikeQuestion, nameAnswer, ordinal, positionForm, positionWriter, seatAnswer, seatPick, yesNo } from "../../commands/understand/readers.js";
import { createI18n } from "../../src/lib/i18n.js";

/** A commune's usual positions as the conference writes them (locales/vi), and a town's. */
const vi = createI18n().forLanguage("vi");
const commune = positionWriter(vi, "commune");
const town = positionWriter(vi, "town");

const SEATS = [
  { id: "chair", title: "Chủ tịch UBND xã" },
  { id: "cchc", title: "Công chức làm nhiệm vụ công tác CCHC" },
  { id: "motcua", title: "Công chức bộ phận tiếp nhận và trả kết quả" },
  { id: "kstthc", title: "Công chức làm nhiệm vụ kiểm soát thủ tục hành chính" },
];

describe("the seats of the unit, numbered (corpus)", () => {
  it.each([
    ["chu tich xa", { kind: "seat", index: 0 }],
    ["cong chuc cchc", { kind: "seat", index: 1 }],
    ["vi tri thu hai", { kind: "seat", index: 1 }],
    ["ca 4 nguoi deu di", { kind: "all-attend" }],
  ])("%s", (typed, meant) => {
    expect(seatPick(SEATS, typed)).toEqual(meant);
  });
});

describe("the seats of the unit, as people also type them", () => {
  it.each([
    ["Chủ tịch", 0],
    ["chu tihc xa", 0],
    ["vi tri chu tich ubnd xa", 0],
    ["2", 1],
    ["so 3", 2],
    ["thu tu", 3],
    ["vi tri cuoi", 3],
    ["mot cua", 2],
    ["bo phan mot cua", 2],
    ["kiem soat thu tuc", 3],
    ["cchc", 1],
  ])("%s → seat %i", (typed, index) => {
    expect(seatPick(SEATS, typed)).toEqual({ kind: "seat", index });
  });

  it.each(["tat ca deu tham du", "ca bon vi tri di du", "4 nguoi deu di het"])("%s → all attend", (typed) => {
    expect(seatPick(SEATS, typed)).toEqual({ kind: "all-attend" });
  });

  it.each(["cong chuc", "5", "ca 3 nguoi deu di", "Lo Van Hung", "khong ai di het", "ba", "xin chao"])("%s → not sure: asked again", (typed) => {
    expect(seatPick(SEATS, typed)).toBeUndefined();
  });
});

describe("the answer for one seat: attend / substitute / absent (corpus)", () => {
  it.each([
    ["toi di", { status: "attend", self: true }],
    ["co", { status: "attend" }],
    ["khong di duoc", { status: "absent", reason: undefined }],
    ["vang, di cong tac", { status: "absent", reason: "di cong tac" }],
    ["cu anh Lo Van Nam pho chu tich di thay", { status: "substitute", name: "Lo Van Nam", position: "Phó Chủ tịch UBND xã" }],
    ["nho dong chi Vang A Su cong chuc van phong du thay", { status: "substitute", name: "Vang A Su", position: "Công chức Văn phòng" }],
  ])("%s", (typed, meant) => {
    expect(seatAnswer(typed, { write: commune })).toEqual(meant);
  });
});

describe("the answer for one seat, as people also type it", () => {
  it.each([
    ["Có ạ", { status: "attend" }],
    ["tham du", { status: "attend" }],
    ["1", { status: "attend" }],
    ["vâng, tôi đi", { status: "attend", self: true }],
    ["em se di a", { status: "attend", self: true }],
    ["toi tham du", { status: "attend", self: true }],
    ["Lo Van Hung di", { status: "attend", name: "Lo Van Hung" }],
    ["tham du: Lò Văn Hùng", { status: "attend", name: "Lò Văn Hùng" }],
    ["anh Lo Van Hung tham du", { status: "attend", name: "Lo Van Hung" }],
    ["2", { status: "substitute" }],
    ["cu nguoi du thay", { status: "substitute" }],
    ["cử đ/c Lò Văn Nam, Phó Chủ tịch UBND xã dự thay", { status: "substitute", name: "Lò Văn Nam", position: "Phó Chủ tịch UBND xã" }],
    ["Lo Thi Xuan cong chuc tu phap di thay", { status: "substitute", name: "Lo Thi Xuan", position: "Công chức Tư pháp - Hộ tịch" }],
    ["cu chi Lo Thi Xuan di thay", { status: "substitute", name: "Lo Thi Xuan" }],
    ["3", { status: "absent" }],
    ["vang mat", { status: "absent" }],
    ["xin vang vi om", { status: "absent", reason: "om" }],
    ["toi khong the tham du do trung lich hop", { status: "absent", reason: "trung lich hop" }],
    ["ko di dc", { status: "absent", reason: undefined }],
    ["di cong tac", { status: "absent", reason: "di cong tac" }],
    ["ốm", { status: "absent", reason: "ốm" }],
  ])("%s", (typed, meant) => {
    expect(seatAnswer(typed, { write: commune })).toEqual(meant);
  });

  it.each(["vang", "hop o dau", "xin chao", "co, khong di duoc", "ok", "7", "chu tich xa", ""])("%s → not sure: asked again", (typed) => {
    expect(seatAnswer(typed, { write: commune })).toBeUndefined();
  });
});

describe("the name of the person attending (corpus)", () => {
  it("Lo Van Hung → the name as typed (the marks are offered by the step, from the platform name)", () => {
    expect(nameAnswer("Lo Van Hung")).toEqual({ name: "Lo Van Hung" });
  });
  it("chi Lo Thi Xuan → Lo Thi Xuan: a form of address is not part of the name", () => {
    expect(nameAnswer("chi Lo Thi Xuan")).toEqual({ name: "Lo Thi Xuan" });
  });
  it.each([
    ["toi", { self: true }],
    ["toi di", { self: true }],
    ["đ/c Vàng A Sử", { name: "Vàng A Sử" }],
    ["dong chi Vang A Su, cong chuc van phong", { name: "Vang A Su", position: "Công chức Văn phòng" }],
    ["ông Lò Văn Páo", { name: "Lò Văn Páo" }],
  ])("%s", (typed, meant) => {
    expect(nameAnswer(typed, commune)).toEqual(meant);
  });
  it.each(["khi nao het han?", "12345", ""])("%s → no name", (typed) => {
    expect(nameAnswer(typed)).toBeUndefined();
  });
});

describe("yes and no", () => {
  it.each(["co", "dung roi", "ok", "Đúng rồi ạ", "vâng", "ok, dong y", "uh"])("%s → yes", (typed) => {
    expect(yesNo(typed)).toBe("yes");
  });
  it.each(["khong", "thoi", "không phải", "ko", "thoi khong can"])("%s → no", (typed) => {
    expect(yesNo(typed)).toBe("no");
  });
  it.each(["co khong", "Lo Van Hung", "hop o dau", "", "ok thoi"])("%s → neither", (typed) => {
    expect(yesNo(typed)).toBeUndefined();
  });
});

describe("a speech being collected (corpus)", () => {
  it("khi nao het han? is a question, not a part", () => {
    expect(looksLikeQuestion("khi nao het han?")).toBe(true);
  });
  it.each(["gui xong roi", "xong roi nhe", "xong", "Xong rồi ạ", "het", "/xong", "da gui xong"])("%s finishes the draft", (typed) => {
    expect(finishesDraft(typed)).toBe(true);
  });
  it.each(["Xong phần một, tiếp theo là phần hai của tham luận", "het han nop la ngay nao", "Kính thưa các đồng chí"])("%s does not", (typed) => {
    expect(finishesDraft(typed)).toBe(false);
  });
  it.each(["nop den bao gio", "da nhan duoc chua", "han nop tham luan la ngay nao"])("%s is a question", (typed) => {
    expect(looksLikeQuestion(typed)).toBe(true);
  });
  it.each(["Kính thưa các đồng chí đại biểu", "Thời gian qua, xã Mường So đã triển khai nhiều giải pháp.", "Vậy làm thế nào để nâng cao chỉ số?\nXã đã làm ba việc."])("%s is a part", (typed) => {
    expect(looksLikeQuestion(typed)).toBe(false);
  });
});

describe("small readers", () => {
  it("ordinals", () => {
    expect(ordinal("vi tri thu hai", 4)).toBe(2);
    expect(ordinal("hai", 4)).toBe(2);
    expect(ordinal("ba", 4)).toBeUndefined();
    expect(ordinal("thu ba", 4)).toBe(3);
  });
  it("positions keep their marks when they are usual ones, else as typed", () => {
    expect(positionForm("pho chu tich", commune)).toBe("Phó Chủ tịch UBND xã");
    expect(positionForm("pho chu tich", town)).toBe("Phó Chủ tịch UBND thị trấn");
    expect(positionForm("Phó Chủ tịch", commune)).toBe("Phó Chủ tịch");
    expect(positionForm("truong thon Na Hin", commune)).toBe("truong thon Na Hin");
  });
});
