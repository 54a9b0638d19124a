/** An error the sandbox answers with StackOne's error body and this status. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, id: string) => new Problem(404, `${what} ${JSON.stringify(id)} not found`);
