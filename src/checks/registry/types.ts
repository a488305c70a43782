// The legal-document registry: what is known about documents that really exist (symbol, type, issuer,
// dates, title, status, replacement). Pure data + zod schema; loaders in ./parse, lookups in ./lookup.
import { z } from 'zod';

export const REGISTRY_STATUSES = ['in-force', 'partly-expired', 'expired', 'not-yet-in-force', 'unknown'] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/** One row; the field names follow ../shared/registry/documents.jsonl so that file loads as is. */
export const registryEntrySchema = z.object({
  symbol: z.string().min(3),
  type: z.string().min(2),
  issuer: z.string().min(2).nullable(),
  issued: isoDate,
  effective: isoDate.nullable().default(null),
  title: z.string().min(2).nullable().default(null),
  status: z.enum(REGISTRY_STATUSES),
  status_as_of: isoDate.nullable().default(null),
  replaced_by: z.array(z.string()).default([]),
  /** Where the fact comes from (a public source); free text. */
  source: z.string().optional(),
});

export type RegistryEntry = z.output<typeof registryEntrySchema>;
export type RegistryEntryInput = z.input<typeof registryEntrySchema>;

/** A row that failed validation, with its 1-based line number in the file it came from. */
export interface RegistryRowError {
  line: number;
  message: string;
}

/** issue 9 — registry: a file's claim to list every document of a type (and issuer) for some years. */
export const registryCoverageSchema = z
  .strictObject({
    type: z.string().min(2),
    issuer: z.string().min(2).optional(),
    issuerCode: z.string().min(1).optional(),
    fromYear: z.number().int().min(1945).max(2100),
    toYear: z.number().int().min(1945).max(2100),
  })
  .refine((c) => c.fromYear <= c.toYear, 'fromYear ≤ toYear')
  .transform((c) => ({ ...c, type: c.type.normalize('NFC'), ...(c.issuer ? { issuer: c.issuer.normalize('NFC') } : {}) }));
