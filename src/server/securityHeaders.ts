import crypto from 'node:crypto';
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';

/**
 * Headers every answer carries, and the explorer's Content-Security-Policy: scripts only from this server
 * (plus the hashes of index.html's own inline scripts, computed from the file so an edit cannot silently
 * break the page), nothing fetched elsewhere, no framing, no plug-ins. An injected script could neither run
 * nor send what it read anywhere.
 */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
}

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
let cached: { file: string; mtimeMs: number; policy: string } | undefined;

/** The CSP for the explorer's pages, allowing exactly the inline scripts of `indexHtml`. */
export function contentSecurityPolicy(indexHtml: string): string {
  let mtimeMs = 0;
  try {
    mtimeMs = fs.statSync(indexHtml).mtimeMs;
  } catch {
    // no page built: the policy still holds, with no inline script allowed
  }
  if (cached && cached.file === indexHtml && cached.mtimeMs === mtimeMs) return cached.policy;
  const html = mtimeMs ? fs.readFileSync(indexHtml, 'utf8') : '';
  const hashes = [...html.matchAll(INLINE_SCRIPT)].map(
    (m) => `'sha256-${crypto.createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`,
  );
  const policy = [
    "default-src 'none'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
  cached = { file: indexHtml, mtimeMs, policy };
  return policy;
}
