import type { Kind } from './kind.ts';
import { schemasKind } from './schemas.ts';
import { extensionsKind } from './extensions.ts';
import { typesKind } from './types.ts';
import { collationsKind } from './collations.ts';
import { sequencesKind } from './sequences.ts';
import { tablesKind } from './tables.ts';
import { dropRolesKind, rolesKind } from './roles.ts';
import { materializedViewsKind, viewsKind } from './views.ts';
import { functionsKind, proceduresKind } from './routines.ts';
import { aggregatesKind } from './aggregates.ts';
import { defaultPrivilegesKind } from './default-privileges.ts';
import { continuousAggregatesKind, jobsKind } from './timescale.ts';

/** Every top-level kind, in load order (a kind's checks may look at kinds loaded before it). */
export const KINDS: readonly Kind[] = [
  rolesKind,
  dropRolesKind,
  schemasKind,
  extensionsKind,
  collationsKind,
  typesKind,
  sequencesKind,
  tablesKind,
  viewsKind,
  materializedViewsKind,
  continuousAggregatesKind,
  functionsKind,
  proceduresKind,
  aggregatesKind,
  defaultPrivilegesKind,
  jobsKind,
];
