// Sessions moved to the domain core (src/domain/sessions.ts); the old names stay for handlers not moved yet.
// `editSession(d, …)` changes a session inside a store change; `saveSession(store, …)` writes it alone.
export { changeSession as editSession, editSession as saveSession } from "../src/domain/sessions.js";
