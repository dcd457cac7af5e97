/**
 * The one redaction of connection secrets, for every message pgform prints or records. It knows
 * every form a connection string takes:
 * - URLs of any scheme, `scheme://user:password@host/...` (the password may hold `@`, `:` or `/`:
 *   everything from the user's `:` to the last `@` of the URL goes);
 * - the same without a scheme, `user:password@host:5432/db`;
 * - `password=...` and `sslpassword=...`, as libpq key=value (quoted or not) or URL parameters,
 *   and `password: ...` as in YAML or JSON text;
 * - any secret the caller knows (a password decoded from a URL), wherever it appears.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s'"<>]+)/gi, (_m, scheme: string, rest: string) => scheme + redactAuthority(rest));
  // No scheme: `user:password@host`, where host looks like a host name or address.
  out = out.replace(/(^|[\s'"(=,;])([A-Za-z0-9._%+-]+):([^\s'"@/]+)@(?=[A-Za-z0-9[\]._-]+(?:[:/\s'",;)]|$))/g, '$1$2:***@');
  // key=value and key: value forms of passwords.
  out = out.replace(
    /\b((?:pg)?(?:ssl)?pass(?:word|wd)?)("?\s*[=:]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s'"&,;}]+)/gi,
    (_m, key: string, sep: string) => `${key}${sep}***`,
  );
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('***');
  return out;
}

/** `user:password@host/...` -> `user:***@host/...`; `host:5432/db` stays. */
function redactAuthority(rest: string): string {
  const at = rest.lastIndexOf('@');
  const colon = rest.indexOf(':');
  if (colon < 0) return rest;
  if (at < 0) {
    // Cut short (`scheme://user:secret`): redact unless what follows the colon is a port.
    return /^\d*(?:[/?#]|$)/.test(rest.slice(colon + 1)) ? rest : `${rest.slice(0, colon)}:***`;
  }
  if (colon > at) return rest;
  return `${rest.slice(0, colon)}:***${rest.slice(at)}`;
}

/** A connection string as it may be printed. */
export function redactUrl(url: string): string {
  return redact(url);
}

/** Any message that may quote a connection string or a known secret. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  return redact(text, secrets);
}
