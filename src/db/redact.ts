/** Removes passwords from connection strings and from any text that may quote one. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@').replace(/([?&]password=)[^&]*/gi, '$1***');
}

/** Replaces every occurrence of the secret (and of any connection URL) in a message. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/postgres(?:ql)?:\/\/[^\s'"]+/gi, (m) => redactUrl(m));
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('***');
  return out;
}
