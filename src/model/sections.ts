/** The lists a design (and each included file) is made of: kept apart from the zod schema so the loader's core needs no zod. */
export const LIST_SECTIONS = ['users', 'requirements', 'data', 'zones', 'components', 'links', 'workloads', 'existing', 'decisions', 'risks'] as const;
export type ListSection = (typeof LIST_SECTIONS)[number];
