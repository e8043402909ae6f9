export function createTrivialActivities() {
  return {
    async noop(): Promise<void> {},
  };
}

export type TrivialActivities = ReturnType<typeof createTrivialActivities>;
