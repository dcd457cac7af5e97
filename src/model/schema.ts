export interface Schema {
  readonly name: string;
  readonly comment: string | null;
}
