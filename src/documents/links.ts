// The links a printed page carries: Telegram deep links (with a start payload) and the Zalo bot's link.

/** The printed-links settings: the Telegram bot's username (without @) and the Zalo bot's link. */
export interface BotLinks {
  telegramBot?: string;
  zaloBot?: string;
}

/** `https://t.me/<bot>?start=<payload>`: opening it starts the bot with /start <payload>. */
export function telegramStartLink(bot: string, payload: string): string {
  // Telegram allows A-Z a-z 0-9 _ - in a start payload, up to 64 characters.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(payload)) throw new Error("a start payload holds only A-Z a-z 0-9 _ -");
  return `https://t.me/${bot}?start=${payload}`;
}

/** The start payload of the check-in poster: "/start dd-<CODE>" checks the person in. */
export function checkinPayload(hallCode: string): string {
  return `dd-${hallCode}`;
}
