/**
 * A table of texts made on first use. Building an object of a hundred functions costs start-up time (each property
 * gives the object a new shape), and a run speaks one language: a report with nothing to say builds no message table.
 */
export function lazy<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
