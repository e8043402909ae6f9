const OPEN = Buffer.from('{"items":[');

/**
 * A response body that is JSON text already, read from the store as the answer's shape (a district's KPIs, issue
 * 18): its use case checked every school it holds against the caller; the response sends it as it is.
 */
export class JsonBody {
  constructor(readonly json: Buffer) {}
}
const COMMA = Buffer.from(',');

/** One listed document as the read store holds it: its JSON text (UTF-8), and its school (null: none). */
export interface JsonItem {
  json: Buffer;
  schoolId: string | null;
}

/**
 * A list page whose documents stay the JSON text the read store holds (issue 18): a school's plan page of 50
 * procedures of ~2 KB spent four fifths of its time turning that text into objects, which the response then
 * turned back into text. The response interceptor keeps the items of schools the caller may read (as it does
 * for objects) and answers `body()`, the same JSON an object page answers, with its keys in the same order.
 * `T` is the documents' type, for the reader of the code (`ListPage<T>` is what the body parses to).
 */
export class JsonListPage<T> {
  declare private readonly documents?: T;

  constructor(
    readonly items: readonly JsonItem[],
    /** The page's fields after `items`, in the order of `Page` or `CursorPage`. */
    readonly rest: { page?: number; pageSize: number; total?: number; nextCursor: string | null },
  ) {}

  /** The page with only the items whose school `keep` accepts. */
  filter(keep: (schoolId: string | null) => boolean): JsonListPage<T> {
    const items = this.items.filter((item) => keep(item.schoolId));
    return items.length === this.items.length ? this : new JsonListPage<T>(items, this.rest);
  }

  /** The response body, UTF-8 JSON. */
  body(): Buffer {
    const parts: Buffer[] = [OPEN];
    this.items.forEach((item, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(item.json);
    });
    parts.push(Buffer.from(`],${JSON.stringify(this.rest).slice(1)}`));
    return Buffer.concat(parts);
  }
}
