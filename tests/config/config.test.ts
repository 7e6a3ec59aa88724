// The configuration tells the truth: the webhook secret of a platform exists exactly in webhook mode.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { AppConfig, PollingPlatform, WebhookPlatform } from "../../src/config/types.js";
import { loadConfig } from "../../src/app/config.js";

const TELEGRAM = "7000001:AAbbCCddEEffGGhh";
const ZALO = "123:abcdefghijkl";

describe("configuration: polling or webhook", () => {
  it("without PUBLIC_URL every platform polls and carries no secret, even one set in the environment", () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM, ZALO_BOT_TOKEN: ZALO, TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123", ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027" });
    expect(config.mode).toBe("polling");
    expect(config.publicUrl).toBeUndefined();
    expect(config.telegram).toEqual({ mode: "polling", token: TELEGRAM, apiRoot: undefined, sendRate: 30 });
    expect(config.zalo).toEqual({ mode: "polling", token: ZALO, apiRoot: undefined, sendRate: 5 });
    expect(config.telegram && "webhookSecret" in config.telegram).toBe(false);
  });

  it("with PUBLIC_URL every configured platform takes webhooks with its own secret", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TELEGRAM,
      ZALO_BOT_TOKEN: ZALO,
      PUBLIC_URL: "https://hoinghi.phongtho.gov.vn/",
      TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123",
      ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027",
    });
    expect(config.mode).toBe("webhook");
    if (config.mode !== "webhook") throw new Error("not webhook mode");
    expect(config.publicUrl).toBe("https://hoinghi.phongtho.gov.vn");
    expect(config.telegram).toMatchObject({ mode: "webhook", webhookSecret: "abc_DEF-123" });
    expect(config.zalo).toMatchObject({ mode: "webhook", webhookSecret: "bi-mat-webhook-2027" });
    // Narrowed by the mode, the secret is a string: no `as string`, no `?? ""`.
    expectTypeOf(config.publicUrl).toEqualTypeOf<string>();
    if (config.telegram) expectTypeOf(config.telegram.webhookSecret).toEqualTypeOf<string>();
  });

  it("a platform left out stays out in both modes; webhook mode without a platform's secret is refused", () => {
    expect(loadConfig({ ZALO_BOT_TOKEN: ZALO, PUBLIC_URL: "https://hoinghi.example.vn", ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027" }).telegram).toBeUndefined();
    expect(loadConfig({}).zalo).toBeUndefined();
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: TELEGRAM, PUBLIC_URL: "https://hoinghi.example.vn" })).toThrow(/TELEGRAM_WEBHOOK_SECRET: required when PUBLIC_URL is set/);
  });

  it("the types say so: a polling platform cannot hold a secret, a webhook one cannot lack it", () => {
    // @ts-expect-error a polling platform has no webhook secret
    const polling: PollingPlatform = { mode: "polling", token: TELEGRAM, sendRate: 30, webhookSecret: "abc_DEF-123" };
    // @ts-expect-error a webhook platform must have its secret
    const webhook: WebhookPlatform = { mode: "webhook", token: TELEGRAM, sendRate: 30 };
    expect([polling.mode, webhook.mode]).toEqual(["polling", "webhook"]);
    expectTypeOf<Extract<AppConfig, { mode: "polling" }>["publicUrl"]>().toEqualTypeOf<undefined>();
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
