// The configuration tells the truth: PUBLIC_URL is an address, each platform's updates its own setting, and the
// webhook secret of a platform exists exactly in webhook mode.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AppConfig, PollingPlatform, WebhookPlatform } from "../../src/config/types.js";
import { ConfigError, loadConfig } from "../../src/app/config.js";
import { createI18n } from "../../src/lib/i18n.js";
import { createCapturingLogger } from "../../src/lib/logger.js";
import { logUpdateModes } from "../../src/app/channels.js";

const TELEGRAM = "7000001:AAbbCCddEEffGGhh";
const ZALO = "123:abcdefghijkl";

describe("configuration: the public address apart from how updates arrive", () => {
  it("without PUBLIC_URL every platform polls and carries no secret, even one set in the environment", () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM, ZALO_BOT_TOKEN: ZALO, TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123", ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027" });
    expect(config.publicUrl).toBeUndefined();
    expect(config.telegram).toEqual({ mode: "polling", token: TELEGRAM, apiRoot: undefined, sendRate: 30 });
    expect(config.zalo).toEqual({ mode: "polling", token: ZALO, apiRoot: undefined, sendRate: 5 });
    expect(config.telegram && "webhookSecret" in config.telegram).toBe(false);
  });

  it("PUBLIC_URL alone gives the links an address and leaves both platforms polling", () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM, ZALO_BOT_TOKEN: ZALO, PUBLIC_URL: "https://hoinghi.phongtho.gov.vn/" });
    expect(config.publicUrl).toBe("https://hoinghi.phongtho.gov.vn");
    expect(config.telegram?.mode).toBe("polling");
    expect(config.zalo?.mode).toBe("polling");
  });

  it("each platform chooses its own way: Zalo by webhook, Telegram polling, on one public address", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TELEGRAM,
      ZALO_BOT_TOKEN: ZALO,
      PUBLIC_URL: "https://hoinghi.phongtho.gov.vn",
      ZALO_UPDATES: "webhook",
      ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027",
      TELEGRAM_UPDATES: "polling",
      TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123",
    });
    expect(config.zalo).toMatchObject({ mode: "webhook", webhookSecret: "bi-mat-webhook-2027" });
    expect(config.zalo && "modeInferred" in config.zalo).toBe(false);
    expect(config.telegram).toEqual({ mode: "polling", token: TELEGRAM, apiRoot: undefined, sendRate: 30 });
  });

  it("a deployment of before (PUBLIC_URL with the secrets, no UPDATES setting) keeps its webhooks, marked as kept", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TELEGRAM,
      ZALO_BOT_TOKEN: ZALO,
      PUBLIC_URL: "https://hoinghi.phongtho.gov.vn/",
      TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123",
      ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027",
    });
    expect(config.telegram).toMatchObject({ mode: "webhook", webhookSecret: "abc_DEF-123", modeInferred: true });
    expect(config.zalo).toMatchObject({ mode: "webhook", webhookSecret: "bi-mat-webhook-2027", modeInferred: true });
  });

  it("webhook without a public address or without its secret is refused with one sentence naming what to set", () => {
    const i18n = createI18n({ defaultLanguage: "vi" });
    const t = i18n.forLanguage("vi");
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        if (!(err instanceof ConfigError) || !err.key) throw err;
        return t(err.key, err.args);
      }
      throw new Error("accepted");
    };
    const noUrl = refusal({ ZALO_BOT_TOKEN: ZALO, ZALO_UPDATES: "webhook", ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027" });
    expect(noUrl).toContain("ZALO_UPDATES=webhook");
    expect(noUrl).toContain("PUBLIC_URL");
    const noSecret = refusal({ TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_UPDATES: "webhook", PUBLIC_URL: "https://hoinghi.example.vn" });
    expect(noSecret).toContain("TELEGRAM_WEBHOOK_SECRET");
    expect(noSecret).toContain("npx hoinghi init");
    // One sentence, in Vietnamese, without a line break.
    for (const s of [noUrl, noSecret]) {
      expect(s).not.toContain("\n");
      expect(s.match(/\.(\s|$)/g)?.length).toBe(1);
      expect(s).toMatch(/đồng chí/);
    }
    expect(() => loadConfig({ ZALO_BOT_TOKEN: ZALO, ZALO_UPDATES: "webhooks" })).toThrow(/ZALO_UPDATES/);
    // A platform without its token is not started, whatever its setting says.
    expect(loadConfig({ ZALO_UPDATES: "webhook" }).zalo).toBeUndefined();
  });

  it("the types say so: a polling platform cannot hold a secret, a webhook one cannot lack it", () => {
    // @ts-expect-error a polling platform has no webhook secret
    const polling: PollingPlatform = { mode: "polling", token: TELEGRAM, sendRate: 30, webhookSecret: "abc_DEF-123" };
    // @ts-expect-error a webhook platform must have its secret
    const webhook: WebhookPlatform = { mode: "webhook", token: TELEGRAM, sendRate: 30 };
    expect([polling.mode, webhook.mode]).toEqual(["polling", "webhook"]);
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM, TELEGRAM_UPDATES: "webhook", PUBLIC_URL: "https://hoinghi.example.vn", TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123" });
    // Narrowed by the mode, the secret is a string: no `as string`, no `?? ""`.
    if (config.telegram?.mode === "webhook") expectTypeOf(config.telegram.webhookSecret).toEqualTypeOf<string>();
    expectTypeOf<AppConfig["publicUrl"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("TRUST_PROXY: the proxy whose forwarded headers are believed", () => {
  it("is none by default, loopback or addresses when named, and refuses anything else by name", () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: "loopback" }).trustProxy).toEqual(["loopback"]);
    expect(loadConfig({ TRUST_PROXY: " 10.0.0.2, ::1 " }).trustProxy).toEqual(["10.0.0.2", "::1"]);
    expect(() => loadConfig({ TRUST_PROXY: "everyone" })).toThrow(/TRUST_PROXY: "everyone" is not "loopback" or an IP address/);
  });
});

describe("the start-up log about how updates arrive", () => {
  it("a webhook kept from before is named once, with the setting that keeps it; a chosen one is not", () => {
    const { logger, lines } = createCapturingLogger();
    const kept = loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM, PUBLIC_URL: "https://hoinghi.phongtho.gov.vn", TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123" });
    logUpdateModes(kept, logger);
    expect(lines.filter((l) => l.includes("TELEGRAM_UPDATES=webhook"))).toHaveLength(1);
    lines.length = 0;
    logUpdateModes({ ...kept, telegram: kept.telegram && { ...kept.telegram, mode: "webhook", webhookSecret: "abc_DEF-123", modeInferred: undefined } }, logger);
    expect(lines.join("\n")).not.toContain("_UPDATES");
  });

  it("Zalo without a public address: the log says files will not reach Zalo users", () => {
    const { logger, lines } = createCapturingLogger();
    logUpdateModes(loadConfig({ ZALO_BOT_TOKEN: ZALO }), logger);
    expect(lines.join("\n")).toContain("PUBLIC_URL is not set");
    lines.length = 0;
    logUpdateModes(loadConfig({ ZALO_BOT_TOKEN: ZALO, PUBLIC_URL: "https://hoinghi.phongtho.gov.vn" }), logger);
    expect(lines).toHaveLength(0);
  });
});
