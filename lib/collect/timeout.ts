export class TimeoutError extends Error {
  constructor(readonly what: string, readonly ms: number) {
    super(`${what} took longer than ${ms} ms`);
  }
}

/** Bounds a promise from the outside: a page's own loop cannot be interrupted from inside it. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    }),
  ]);
}
