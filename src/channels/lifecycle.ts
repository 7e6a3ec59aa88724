// One life cycle for every channel (Telegram, Zalo, the console): made by its create function without
// I/O, then start(), then stop(). `hoinghi start` (src/app/main.ts) runs the list in src/app/channels.ts.

export interface Channel {
  readonly name: string;
  /** Connects and starts taking updates; rejects with a plain message when it cannot (a refused token). */
  start(): Promise<void>;
  /** Stops taking updates, finishes the ones in hand and the replies queued (within a grace time). */
  stop(): Promise<void>;
}
