// Small builders for replies, so handlers read as what they say.
import type { Choice, Reply } from "../src/messages/types.js";

export const text = (t: string): Reply => ({ kind: "text", text: t });

export const choices = (t: string, list: Choice[]): Reply => ({ kind: "choices", text: t, choices: list });

/** Numbered lines "1. …" for a list inside one message. */
export function numbered(items: string[]): string {
  return items.map((s, i) => `${i + 1}. ${s}`).join("\n");
}

export function bullets(items: string[]): string {
  return items.map((s) => `- ${s}`).join("\n");
}
