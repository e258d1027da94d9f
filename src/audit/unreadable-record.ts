/** A record that could not even be parsed (a line of NDJSON that is not JSON); ingest reports it like any bad record. */
export class UnreadableRecord {
  constructor(readonly reason: string) {}
}
