// Common questions typed as free text ("cho hỏi hội nghị tổ chức ngày nào?"): one keyword table, folded.
import { fold } from "../lib/text.js";

export type QuestionTopic = "deadline" | "documents" | "where" | "when" | "rsvp";

/**
 * The keyword table, in the order it is tried (the first row with a keyword in the text wins):
 * a deadline question often names what it is for ("hạn đăng ký"), so "hạn" comes before "đăng ký";
 * "hội trường" is a place, before the time words. Keywords are folded (no diacritics, lower case)
 * and matched as whole words.
 */
export const QUESTION_TABLE: ReadonlyArray<{ topic: QuestionTopic; keywords: readonly string[] }> = [
  { topic: "deadline", keywords: ["han", "han chot", "thoi han", "het han"] },
  { topic: "documents", keywords: ["tai lieu", "van ban", "giay moi"] },
  { topic: "where", keywords: ["o dau", "dia diem", "hoi truong", "cho nao", "noi to chuc"] },
  { topic: "when", keywords: ["ngay", "ngay nao", "gio", "may gio", "khi nao", "bao gio", "thoi gian", "hom nao"] },
  { topic: "rsvp", keywords: ["dang ky", "xac nhan", "tham du", "tra loi"] },
];

/** The topic of a free question, or undefined when no keyword is in it. */
export function questionTopic(text: string): QuestionTopic | undefined {
  const words = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
  for (const row of QUESTION_TABLE) if (row.keywords.some((k) => words.includes(` ${k} `))) return row.topic;
  return undefined;
}
