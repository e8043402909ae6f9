/** The decision's own stream; decision ids are unique across schools (the API checks the school of each). */
export function decisionStreamName(decisionId: string): string {
  return `decision-${decisionId}`;
}
