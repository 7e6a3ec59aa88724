// What a channel hands back once started, so `hoinghi start` can stop it (src/app/channels.ts lists the channels).

/** A running channel: stop() finishes the update in hand and returns. */
export interface RunningChannel {
  name: string;
  stop(): Promise<void>;
}
