import { ValueTransformer } from 'typeorm';

/**
 * Column helpers that read the same on SQLite and MariaDB. Sets of enum values are stored as
 * ",A,B," so that "has A" is a portable `LIKE '%,A,%'`; calendar dates are 'YYYY-MM-DD' text
 * (no time zone can shift them); timestamps are DATETIME(3) in UTC.
 */
export const csvSet: ValueTransformer = {
  to: (values?: string[] | null) => (values && values.length ? `,${values.join(',')},` : ''),
  from: (stored?: string | null) => (stored ? stored.split(',').filter(Boolean) : []),
};

export const json: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? null : JSON.stringify(value)),
  from: (stored?: string | null) => (stored ? JSON.parse(stored) : null),
};

/** SQLite hands booleans back as 0/1. */
export const bool: ValueTransformer = {
  to: (value?: boolean | null) => value,
  from: (stored: unknown) => (stored === null || stored === undefined ? stored : Boolean(stored)),
};

export function toCsvSet(values: readonly string[]): string {
  return values.length ? `,${values.join(',')},` : '';
}
