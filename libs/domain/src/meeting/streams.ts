/** The meeting's own stream; meeting ids are unique across schools (the API checks the school of each). */
export function meetingStreamName(meetingId: string): string {
  return `meeting-${meetingId}`;
}
