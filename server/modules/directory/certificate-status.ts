import { registerEnumType } from 'type-graphql';

export enum CertificateStatus { VALID = 'VALID', EXPIRED = 'EXPIRED', NOT_YET_VALID = 'NOT_YET_VALID' }
registerEnumType(CertificateStatus, { name: 'CertificateStatus', description: 'Law-enforcement certificate validity on a given day (Art. 21)' });

/** Dates are 'YYYY-MM-DD', so string order is date order. */
export function certificateStatus(cert: { certificateValidFrom: string; certificateValidTo: string }, on: string): CertificateStatus {
  if (on < cert.certificateValidFrom) return CertificateStatus.NOT_YET_VALID;
  if (on > cert.certificateValidTo) return CertificateStatus.EXPIRED;
  return CertificateStatus.VALID;
}
