// Types of the npm package of the badge verifier (the same API from Node and from browsers).
// The report is one line of `badge-verify --json`, parsed: crates/verifier/src/report.rs is
// its definition; a test (tests/npm/types.test.mjs) checks these names against real reports.

/** The verdict: the worst any check forces; `valid` only when who issued it was established. */
export type Verdict =
  | 'valid' | 'unverifiable' | 'not-yet-valid' | 'expired' | 'suspended' | 'revoked'
  | 'invalid' | 'error';

export type Outcome = 'passed' | 'failed' | 'warning' | 'not-checked' | 'not-applicable';

export type Format =
  | 'ob2-hosted' | 'ob2-signed' | 'ob3-data-integrity' | 'ob3-jwt' | 'vc-data-integrity'
  | 'vc-jwt' | 'clr-data-integrity' | 'clr-jwt' | 'vp' | 'vp-jwt' | 'badge-list'
  | 'badge-page' | 'pdf' | 'qr-image';

/** What was checked (crates/verifier/src/check.rs `check_ids!`). */
export type CheckId =
  | "badgeclass"
  | "budget"
  | "context"
  | "credential-id"
  | "credential-name"
  | "credential-subject"
  | "credential-subject-achievement"
  | "credential-subject-achievement-alignment-type"
  | "credential-subject-achievement-creator-type"
  | "credential-subject-achievement-result-description-type"
  | "credential-subject-achievement-rubric-criterion-level-type"
  | "credential-subject-id"
  | "credential-subject-identifier-type"
  | "credential-subject-profile-type"
  | "credential-subject-result-alignment-type"
  | "credential-subject-result-type"
  | "credential-subject-type"
  | "document-reader"
  | "embedded-proof"
  | "endorsement"
  | "endorsements"
  | "enveloped"
  | "evidence-type"
  | "expiry"
  | "extensions"
  | "extract"
  | "fetch"
  | "format"
  | "found"
  | "full-verifier"
  | "holder"
  | "hosted-copy"
  | "hosted-id"
  | "id"
  | "input"
  | "insecure-url"
  | "internal"
  | "issued"
  | "issued-by"
  | "issuer"
  | "issuer-otheridentifier-type"
  | "issuer-parentorg-type"
  | "issuer-type"
  | "jwt-exp"
  | "jwt-header"
  | "jwt-iss"
  | "jwt-jti"
  | "jwt-nbf"
  | "jwt-sub"
  | "key"
  | "link"
  | "nested-credential"
  | "presentation-proof"
  | "proof"
  | "proof-controller"
  | "proof-created"
  | "proof-expires"
  | "proof-method"
  | "proof-purpose"
  | "recipient"
  | "redirect"
  | "refresh"
  | "required-properties"
  | "revocation"
  | "schema"
  | "signature"
  | "status"
  | "type"
  | "valid-from"
  | "validity"
  | "validity-window"
  | "verification-scope"
  | "version";

export interface Check {
  id: CheckId;
  outcome: Outcome;
  /** One English sentence. */
  detail: string;
  /** What a failed check makes of the badge. */
  effect?: Verdict;
}

export interface IssuerDisplay {
  id: string | null;
  name: string | null;
  url?: string;
  image?: string;
  email?: string;
}

/** The earner as the badge names them; `identity` may be a salted hash (`sha256$…`). */
export interface RecipientDisplay {
  /** `email`, `url`, `telephone`, `id`, `did` … */
  type: string | null;
  identity: string | null;
  hashed: boolean;
  salt?: string;
  name?: string;
}

export interface Criteria { url: string | null; narrative: string | null }
export interface Alignment {
  name: string | null; url: string | null; description: string | null;
  framework: string | null; code: string | null;
}
export interface Evidence {
  name: string | null; description: string | null; url: string | null; narrative: string | null;
}
export interface Endorsement {
  issuer_name: string | null; issuer_id: string | null; comment: string | null;
  verdict: Verdict | null;
}

export interface TranscriptResult { name: string | null; value: string | null; status: string | null }
export interface TranscriptAchievement {
  id: string | null;
  name: string | null;
  /** `achievementType`. */
  type: string | null;
  results: TranscriptResult[];
  /** Index in the report's `nested` of the credential that awards it. */
  credential?: number;
}
export interface TranscriptAssociation {
  type: string | null; source: string | null; target: string | null;
  source_name?: string; target_name?: string;
}
export interface Transcript {
  name: string | null;
  learner: RecipientDisplay | null;
  achievements: TranscriptAchievement[];
  associations: TranscriptAssociation[];
}

/** What the badge says (untrusted text: never render it as HTML). */
export interface BadgeDisplay {
  name: string | null;
  description: string | null;
  /** An http(s) URL or a `data:` URI. */
  image: string | null;
  issuer: IssuerDisplay;
  recipient: RecipientDisplay | null;
  /** RFC 3339. */
  issued: string | null;
  /** RFC 3339. */
  expires: string | null;
  criteria: Criteria | null;
  alignments: Alignment[];
  tags: string[];
  achievement_type?: string;
  evidence: Evidence[];
  endorsements: Endorsement[];
  verify_url?: string;
  /** A Verifiable Credential that is not an Open Badge: its `type`s. */
  credential_types?: string[];
  transcript?: Transcript;
}

export interface Expert {
  source?: string;
  proof_suite?: string;
  key_id?: string;
  key_source?: string;
  canonical_hash?: string;
  status_lists?: string[];
  /** URLs fetched while verifying, in order. */
  fetched?: string[];
}

/** How the key was shown to be the issuer's. */
export type KeyBinding =
  | { rule: 'controller'; source: string }
  | { rule: 'issuer-did-document'; source: string }
  | { rule: 'issuer-jwks'; url: string }
  | { rule: 'issuer-profile'; url: string }
  | { rule: 'issuer-origin'; origin: string }
  | { rule: 'ob2-public-key'; key_id: string };

/** The fact a `valid` verdict rests on. */
export interface IssuedBy {
  issuer: string;
  how:
    | { by: 'signature'; key_id: string; binding: KeyBinding }
    | { by: 'hosted'; url: string; scope: string }
    | { by: 'presented'; credentials: number; holder_key?: string };
}

export interface FoundAt {
  page?: number;
  kind: 'link' | 'text' | 'attachment' | 'embedded' | 'qr-code';
  name?: string;
}

export interface LinkResolution { platform: string; page: string; verified: string }

/** One report: exactly one line of `badge-verify --json`, parsed. */
export interface Report {
  /** The input's name: `{ name }`, the URL, `(text)` or `(bytes)`. */
  input: string;
  verdict: Verdict;
  format: Format | null;
  /** One sentence saying why the verdict is what it is. */
  summary: string;
  badge: BadgeDisplay | null;
  /** Whether `options.recipient` matches the badge's; `null` when none was given. */
  recipient_match: boolean | null;
  checks: Check[];
  expert: Expert;
  issued_by?: IssuedBy;
  /** A CLR's or a presentation's credentials, a page's or a PDF's badges, each verified. */
  nested?: Report[];
  found_at?: FoundAt;
  link?: LinkResolution;
}

/** What `options.fetch` must return: a `Response`, or anything with these members. */
export interface ResponseLike {
  status: number;
  /** The final URL, if the fetch followed redirects itself. */
  url?: string;
  /** A `Headers`, or a plain object (names matched case-insensitively). */
  headers?: { get(name: string): string | null } | Record<string, string>;
  /** Read chunk by chunk (the size limit stops the read); else arrayBuffer() or text(). */
  body?: ReadableStream<Uint8Array> | null;
  arrayBuffer?(): Promise<ArrayBuffer>;
  text?(): Promise<string>;
  /** `'opaqueredirect'`: a browser hid a redirect; it is asked again with `redirect: 'follow'`. */
  type?: string;
}

export type FetchLike = (
  url: string,
  init: { method: 'GET'; headers: { Accept: string }; redirect: 'manual' | 'follow'; signal?: AbortSignal },
) => Promise<ResponseLike>;

export interface VerifyOptions {
  /** Expiry and validity are evaluated at this time (RFC 3339 or a Date); default: now. */
  at?: string | Date;
  /** The e-mail, URL, DID … to match against the badge's (possibly hashed) recipient. */
  recipient?: string;
  /**
   * Fetches the badge's URLs (hosted assertion, issuer, keys, status lists); default
   * `globalThis.fetch`. Only https URLs to public hosts are asked for; redirects are followed
   * by the verifier, one checked hop at a time.
   */
  fetch?: FetchLike;
  /** Time limit of one fetch, in milliseconds (default 15000). */
  timeoutMs?: number;
  /** Testing only: plain http to, and fetches from, 127.0.0.1 / localhost (the CLI's --allow-http). */
  allowHttp?: boolean;
}

/**
 * A badge: its file's bytes, a string that is an http(s) URL (fetched) or the badge's text
 * (JSON, JWT/JWS, SVG …, detected by content like a file), or bytes or text with a name for the
 * report.
 */
export type Input = Uint8Array | ArrayBuffer | string | { name?: string; bytes: Uint8Array | ArrayBuffer | string };

/**
 * Verifies one badge. Resolves to its report (a bad badge is a report, never a rejection);
 * rejects with a TypeError only when `input` or `options` is not of the types above.
 */
export function verify(input: Input, options?: VerifyOptions): Promise<Report>;

/** Options and a fetch cache (issuer profiles, keys, status lists) kept across inputs. */
export class Verifier {
  constructor(options?: VerifyOptions);
  /** `overrides` may give another `at` or `recipient` for this input. */
  verify(input: Input, overrides?: Pick<VerifyOptions, 'at' | 'recipient'>): Promise<Report>;
  clearCache(): void;
  /** Frees the verifier's WebAssembly memory (its cache); do not use it afterwards. */
  free(): void;
}

/** Resolves once the WebAssembly instance is ready (verify() waits for it anyway). */
export function ready(): Promise<void>;
