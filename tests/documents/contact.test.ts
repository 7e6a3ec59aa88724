// Who a unit calls: one contact in the conference file for the letters and the sign-in list; old files still print theirs.
import { describe, expect, it } from "vitest";
import { conferenceContact, contactLine } from "../../src/documents/invitation-data.js";
import { createI18n } from "../../src/lib/i18n.js";

const t = createI18n().forLanguage("vi");

describe("người liên hệ trên giấy mời và danh sách", () => {
  it("đọc từ mục contact của tệp hội nghị, kèm chức vụ; số điện thoại chưa có thì không in gì về điện thoại", () => {
    const c = conferenceContact({ contact: { name: "Phòng Nội vụ huyện Phong Thổ", position: "Cơ quan tham mưu tổ chức Hội nghị", phone: " " } });
    expect(c).toEqual({ name: "Phòng Nội vụ huyện Phong Thổ", position: "Cơ quan tham mưu tổ chức Hội nghị" });
    expect(contactLine(t, c as NonNullable<typeof c>)).toBe("Mọi chi tiết xin liên hệ: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị).");
  });

  it("tệp cũ chỉ có invitation.contact vẫn in người liên hệ đó", () => {
    const c = conferenceContact({ invitation: { contact: { name: "Văn phòng HĐND và UBND", phone: "0213 3893 123" } } });
    expect(contactLine(t, c as NonNullable<typeof c>)).toBe("Mọi chi tiết xin liên hệ: Văn phòng HĐND và UBND, điện thoại: 0213 3893 123.");
  });

  it("mục contact chung được ưu tiên hơn invitation.contact; không có cả hai thì không in dòng liên hệ", () => {
    expect(conferenceContact({ contact: { name: "Đồng chí Lò Thị Mai" }, invitation: { contact: { name: "Phòng Nội vụ", phone: "" } } })?.name).toBe("Đồng chí Lò Thị Mai");
    expect(conferenceContact({})).toBeUndefined();
  });
});
