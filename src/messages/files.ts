// Files given by link, as a contract: built by the app (src/app/http-server.ts, on DATA_DIR/public and the one
// HTTP server), passed to the channels that cannot send bytes (Zalo takes a picture's URL).

/** Who a file is for, which decides how long its link lives. */
export interface PublishFor {
  /** The account the link is given to ("zalo:…"). */
  account: string;
  /** Organizers' files (exports, speech files under review) get one day, others seven. */
  organizer?: boolean;
}

export interface FileLinkService {
  /**
   * Keeps a generated file and returns a link to it under PUBLIC_URL that expires; undefined when
   * no public address is set (nothing could fetch the link). Publishing writes the file and its
   * link, nothing else: the server that answers the link is started by the wiring, not by this.
   */
  publish(name: string, data: Buffer, to: PublishFor): Promise<string | undefined>;
  /**
   * Without a public address: whether this organizer is to be told now the step that gives the bot
   * one (PUBLIC_URL) — once a day per organizer, not with every picture; false when there is one.
   */
  remindNoAddress(account: string): boolean;
}
