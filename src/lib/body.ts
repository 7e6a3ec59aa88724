// A request body read with a byte counter: the reading stops at the first byte over the limit, so a long body costs no more than the limit.
import type { Readable } from "node:stream";

/**
 * The bytes of `stream` when they are at most `maxBytes`; "too-large" as soon as one more arrives.
 * On "too-large" the stream is left paused and unread: what the caller does with the connection
 * (answer 413 and close it) decides what becomes of the rest. Rejects when the stream fails.
 */
export function readCapped(stream: Readable, maxBytes: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
    };
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        stream.pause();
        chunks.length = 0;
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    }
    function onEnd() {
      stop();
      resolve(Buffer.concat(chunks, size));
    }
    function onError(err: Error) {
      stop();
      reject(err);
    }
    function onClose() {
      // Closed before its end (the client went away): what came is not the whole body.
      stop();
      reject(new Error("request closed before its body ended"));
    }
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
    stream.on("close", onClose);
  });
}
