/**
 * Discussion on a task (trao đổi): comments by the coordinator, the lead and the coordinating agencies,
 * which may name agencies (`@STC`, or picked in the UI) to have them told in their daily digest. Pure:
 * the task machine, imported by workflows, uses it.
 */

export const COMMENT_MAX_LENGTH = 5000;
export const MAX_MENTIONS = 20;

/**
 * `@CODE` in a comment: an agency code as the directory writes it (capitals, digits, `_ . -`), not part
 * of a word or an email address before it, and not followed by a letter ("@Sở" is not a code). A
 * sentence's full stop after it is not part of it.
 */
const MENTION = /(?<![\p{L}\p{N}_.@-])@([A-Z0-9](?:[A-Z0-9_-]|\.(?=[A-Z0-9_-]))*)(?![\p{L}\p{N}_])/gu;

/** The agency codes a comment's text names with `@`, each once, in order. */
export function mentionsInText(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION)].map((m) => m[1]!))];
}

/** Codes given explicitly and those written in the text, each once. */
export function allMentions(text: string, picked: readonly string[] = []): string[] {
  return [...new Set([...picked, ...mentionsInText(text)])];
}
