// Child process for the crash test: changes the store in a loop, printing `ACK <id>` once each change is on disk.
import { openStore } from "../../storage/store.js";
import { withConference } from "../helpers/conference-store.js";
import { account, rsvp } from "./helpers.js";

const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error("usage: crash-child.ts <dir> <run>");

// The conference's answers (its own file) and the accounts (shared, in their buckets).
const store = await withConference(await openStore({ dir }));
let next = 0;

// Several writers at once, so the parent also kills during group commits with many waiters.
async function writer(): Promise<never> {
  for (;;) {
    const id = `${run}-${next++}`;
    // Two kinds of change: appending to a list and setting a key of a record.
    if (next % 2 === 0) {
      await store.mutate((d) => void d.rsvps.push(rsvp(id)));
    } else {
      const a = account(id);
      await store.mutate((d) => {
        d.accounts[a.key] = a;
      });
    }
    // Writes to a pipe are synchronous on Linux: once this returns, the parent will see the line.
    process.stdout.write(`ACK ${id}\n`);
  }
}

await Promise.all([writer(), writer(), writer(), writer()]);
