/** The case-review slices' field validation: the shared command fields (src/http/command-fields.ts). */
export * from '../../http/command-fields';
