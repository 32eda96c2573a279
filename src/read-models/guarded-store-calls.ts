import { classifyStoreError, storeCallSync } from '../ledger/store-errors';

/**
 * The same object, each method's faults (and those met while iterating a lazy result, e.g. a
 * scan) translated into read-model-store faults. Methods run on the object itself, so its state is
 * never split between it and the wrapper.
 */
export function guarded<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = storeCallSync('read-model-store', false, () =>
          (value as (...a: unknown[]) => unknown).apply(obj, args),
        );
        return isGenerator(result) ? guardedIteration(result) : result;
      };
    },
  });
}

function isGenerator(v: unknown): v is Generator<unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Generator).next === 'function' &&
    typeof (v as Generator)[Symbol.iterator] === 'function'
  );
}

function* guardedIteration<Y>(source: Generator<Y>): Generator<Y> {
  try {
    yield* source;
  } catch (err) {
    throw classifyStoreError(err, 'read-model-store', { writing: false });
  }
}
