// Text as people type it, folded for comparison: no diacritics, no case, single spaces ("Đã  NHẬN" → "da nhan").
export function fold(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      // đ and Đ are letters of their own, not d with a mark: NFD leaves them.
      .replace(/[\u0111\u0110]/g, "d")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim()
  );
}
