import { z } from 'zod';

/** `?offset=&limit=` with a default and a ceiling. */
export const pageQuery = (defaultLimit: number, maxLimit: number) =>
  z.object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit),
  });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
