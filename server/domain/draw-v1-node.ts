import crypto from 'node:crypto';
import { Bytes, computeDrawSync, DrawInput, DrawRecord, DrawResult, NextWord, Sha256Sync, VerifyResult, verifyRecordSync, wordStream } from './draw-v1';

/**
 * SHA-256 from node:crypto, synchronous: the server and the CLI use it, so no promise per block.
 * `crypto.hash` (Node ≥ 20.12) is about 40% faster than createHash for the small block inputs.
 */
export const nodeSha256: Sha256Sync =
  typeof crypto.hash === 'function'
    ? (data: Bytes) => crypto.hash('sha256', data, 'buffer')
    : (data: Bytes) => crypto.createHash('sha256').update(data).digest();

/** computeDrawSync with node:crypto. Throws DrawInputError on invalid input. */
export const computeDrawNode = (input: DrawInput): DrawResult => computeDrawSync(input, nodeSha256);

/** verifyRecordSync with node:crypto. */
export const verifyRecordNode = (record: DrawRecord): VerifyResult => verifyRecordSync(record, nodeSha256);

/** A segment's word stream with node:crypto, for revealing picks one by one with pickSequence. */
export const nodeWordStream = (segmentSeed: string): NextWord => wordStream(segmentSeed, nodeSha256);
