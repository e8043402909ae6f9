/** Rejects with a Russian message if `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = ''): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what ? what + ': ' : ''}нет ответа за ${ms} мс`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
