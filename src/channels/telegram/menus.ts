// The command menus: by language for private chats, the public commands for groups, the organizer menu per organizer's chat.
import type { BotCommand, LanguageCode } from "grammy/types";
import type { Role } from "../../../storage/schema.js";
import { roleOf } from "../../domain/identity.js";
import type { Translate } from "../../lib/i18n.js";
import { clip } from "../../lib/text.js";
import type { TelegramContext } from "./context.js";

export interface Menus {
  /** Sets every menu (at start). */
  setAll(): Promise<void>;
  /** Gives one chat the organizer menu, once. */
  setOrganizer(chatId: string, language: string | undefined): Promise<void>;
}

export function createMenus(ctx: TelegramContext): Menus {
  const { deps, logger } = ctx;
  /** Chats that already show the organizer menu. */
  const organizerMenus = new Set<string>();

  function menu(role: Role, t: Translate): BotCommand[] {
    return ctx.layer
      .visible(role)
      .filter((d) => /^[a-z0-9_]{1,32}$/.test(d.name))
      .map((d) => ({ command: d.name, description: clip(t(d.describe), 256) }));
  }

  async function setCommands(commands: BotCommand[], other: Parameters<TelegramContext["api"]["setMyCommands"]>[1], what: string): Promise<boolean> {
    try {
      await ctx.api.setMyCommands(commands, other);
      return true;
    } catch (err) {
      logger.warn({ menu: what, err: ctx.logErr(err) }, "could not set the command menu");
      return false;
    }
  }

  async function setOrganizer(chatId: string, language: string | undefined): Promise<void> {
    if (organizerMenus.has(chatId)) return;
    organizerMenus.add(chatId);
    const ok = await setCommands(menu("organizer", ctx.translator(language)), { scope: { type: "chat", chat_id: Number(chatId) } }, "organizer chat");
    if (!ok) organizerMenus.delete(chatId);
  }

  async function setAll(): Promise<void> {
    // The default menu (private chats) lists what a delegate may do, since nearly everyone who
    // writes is one; a guest who picks a delegate command is told to join first. Groups get the
    // public commands only (see update.ts). The default language needs no language_code.
    // The menus do not depend on one another: asked for at once, a start waits one round trip to
    // Telegram for all of them rather than one per menu.
    const calls: Promise<unknown>[] = [];
    const languages = [deps.defaultLanguage, ...deps.i18n.languages.filter((l) => l !== deps.defaultLanguage)];
    for (const language of languages) {
      const t = ctx.translator(language);
      const language_code = language === deps.defaultLanguage ? undefined : (language as LanguageCode);
      calls.push(setCommands(menu("delegate", t), { language_code }, `default ${language}`));
      calls.push(setCommands(menu("guest", t), { scope: { type: "all_group_chats" }, language_code }, `groups ${language}`));
    }
    const organizers = new Map<string, string | undefined>();
    for (const id of deps.organizerIds) if (id.startsWith("telegram:")) organizers.set(id.slice("telegram:".length), undefined);
    for (const a of Object.values(deps.store.data.accounts)) {
      if (a.channel === "telegram" && roleOf(a, deps.organizerIds) === "organizer") organizers.set(a.chatId, a.language);
    }
    for (const [chatId, language] of organizers) if (/^-?\d+$/.test(chatId)) calls.push(setOrganizer(chatId, language));
    await Promise.all(calls);
  }

  return { setAll, setOrganizer };
}
