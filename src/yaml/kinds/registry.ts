import type { Kind } from './kind.ts';
import { schemasKind } from './schemas.ts';
import { extensionsKind } from './extensions.ts';
import { typesKind } from './types.ts';
import { sequencesKind } from './sequences.ts';
import { tablesKind } from './tables.ts';

/** Every top-level kind, in load order (a kind's checks may look at kinds loaded before it). */
export const KINDS: readonly Kind[] = [schemasKind, extensionsKind, typesKind, sequencesKind, tablesKind];
