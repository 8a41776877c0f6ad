import { z } from 'zod';
import { isIsoDate } from '../domain/task-machine';
import { FUNDING_SOURCES } from '../domain/vocabulary';

/** A calendar date `YYYY-MM-DD` that exists (no 31/02). */
export const isoDate = z.string({ message: 'phải là ngày dạng YYYY-MM-DD' }).refine(isIsoDate, { message: 'phải là ngày có thật (năm 1900–2999), dạng YYYY-MM-DD' });

export const note = z.string().trim().max(5000, 'tối đa 5000 ký tự');
export const requiredText = (max = 5000) => z.string({ message: 'bắt buộc' }).trim().min(1, 'không được để trống').max(max, `tối đa ${max} ký tự`);
export const agencyCode = z.string({ message: 'bắt buộc' }).trim().min(1, 'không được để trống').max(100);

export const fundingSchema = z.object({
  text: z.string().max(500).optional(),
  sources: z.array(z.enum(FUNDING_SOURCES)).default([]),
  amounts: z
    .object({
      recurrent: z.number().nonnegative().optional(),
      investment: z.number().nonnegative().optional(),
      total: z.number().nonnegative().optional(),
    })
    .optional(),
});

/** Query booleans arrive as text. */
export const queryBoolean = z.enum(['true', 'false', '1', '0'], { message: 'phải là true hoặc false' }).transform((v) => v === 'true' || v === '1');

export const pageLimit = z.coerce.number({ message: 'phải là số' }).int().min(1, 'từ 1 đến 200').max(200, 'từ 1 đến 200').default(50);
