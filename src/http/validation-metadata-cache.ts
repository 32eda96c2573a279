import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadata = ReturnType<Storage['getTargetValidationMetadatas']>;
type Target = Parameters<Storage['getTargetValidationMetadatas']>[0];

const installed = new WeakSet<Storage>();

/**
 * class-validator looks up a DTO's rules on every validation by walking every decorated class it
 * knows (an `instanceof` per class, for inherited rules) and filtering their rules afresh: with this
 * API's hundreds of DTO classes that walk was a visible part of every request's CPU. The rules of a
 * class do not change once its module has loaded, so the answer is kept per class (and per options),
 * and dropped whenever a rule is added: a class decorated later is still seen whole. Groups are not
 * used here, so a lookup with groups is passed through uncached. Installed once, by validationPipe().
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  let lookups = new Map<Target, Map<string, Metadata>>();
  let grouped = new WeakMap<Metadata, ReturnType<Storage['groupByPropertyName']>>();
  const forget = () => {
    lookups = new Map();
    grouped = new WeakMap();
  };
  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    forget();
    addRule(metadata);
  };
  const addSchema = storage.addValidationSchema.bind(storage);
  storage.addValidationSchema = (schema) => {
    forget();
    addSchema(schema);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    const options = `${schema}\u0000${always}\u0000${strictGroups}`;
    let byOptions = lookups.get(target);
    if (byOptions === undefined) lookups.set(target, (byOptions = new Map<string, Metadata>()));
    let found = byOptions.get(options);
    if (found === undefined) byOptions.set(options, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  // The executor groups the same array by property on every validation: kept beside it.
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (found === undefined) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
