export interface Extension {
  readonly name: string;
  /** Schema the extension's objects live in; null in the desired state means "wherever it lands". */
  readonly schema: string | null;
  /** Installed version; null in the desired state means "any version". */
  readonly version: string | null;
  readonly comment: string | null;
}
