// Whether a webhook body is an update this channel can read: the fields update.ts reads, with their types.
// A body with the right secret that fails this is answered 400 (and logged once), never handed to grammY.
import * as z from "zod";

const user = z.looseObject({ id: z.number(), is_bot: z.boolean().optional(), first_name: z.string().optional(), language_code: z.string().optional() });
const chat = z.looseObject({ id: z.number(), type: z.string() });
const message = z.looseObject({
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string(), offset: z.number() })).optional(),
  photo: z.array(z.looseObject({ file_id: z.string(), file_unique_id: z.string() })).optional(),
  document: z.looseObject({ file_id: z.string() }).optional(),
});
const update = z.looseObject({
  update_id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  message: message.optional(),
  edited_message: z.looseObject({}).optional(),
  callback_query: z.looseObject({ id: z.string(), from: user, data: z.string().optional(), message: z.looseObject({ chat }).optional() }).optional(),
  my_chat_member: z.looseObject({ chat, new_chat_member: z.looseObject({ status: z.string() }) }).optional(),
});

/** Where the body is not an update (the first problem), or undefined when it is one. */
export function updateProblem(body: unknown): string | undefined {
  const checked = update.safeParse(body);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0];
  return issue ? `${issue.path.join(".") || "(body)"}: ${issue.message}` : "not an update";
}
