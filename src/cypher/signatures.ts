import { template } from './files';
import { evidenceProjection } from './projection';
import { Scope } from './scope';

/**
 * cypher/signatures-on-behalf.cypher with the signatures' evidence and its sources (`{{signatureEvidence r}}`)
 * when the request asks for it, else null.
 */
export function signaturesQuery(evidence: boolean): string {
  return template('signatures-on-behalf', { signatureEvidence: (r) => (evidence ? evidenceProjection(Scope.of(r), r) : 'null') });
}
