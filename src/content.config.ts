import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The lessons: one MDX file each in content/lessons, ordered by `order`. */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z.object({
    title: z.string().min(1),
    description: z.string().min(1).max(160),
    order: z.number().int().positive(),
    minutes: z.number().int().positive(),
    objectives: z.array(z.string().min(1)).min(1),
  }),
});

export const collections = { lessons };
