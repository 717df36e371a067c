/** The test categories, one Vitest project each. */
export const allCategories = ['unit', 'integration', 'e2e', 'security', 'performance'] as const;
export type Category = (typeof allCategories)[number];
