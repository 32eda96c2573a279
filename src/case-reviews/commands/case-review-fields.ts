/** The case-review slices' field validation: the shared command fields (src/http/command-fields.ts). */
export { IsBusinessDate, IsIdList, IsOneOf, IsText, IsTextList } from '../../http/command-fields';
