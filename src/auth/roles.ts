/**
 * Who may do what. Readers read (anyone, on a public instance), editors add sources and facts, correct and
 * retract them, admins also manage tokens. Roles are ordered: each includes the ones before it.
 */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/** Who sent a request: a token's holder, or nobody (anonymous). */
export interface Principal {
  /** The token's id (`tok-…`), or `env-admin` for ACCORDS_ADMIN_TOKEN. Recorded as the author of changes. */
  id: string;
  name: string;
  role: Role;
}

export const atLeast = (principal: Principal | null, role: Role): boolean =>
  !!principal && ROLES.indexOf(principal.role) >= ROLES.indexOf(role);
