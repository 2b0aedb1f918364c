/** The French half of a catalogue area must have exactly the keys of the English half. */
export type SameKeys<T> = { [K in keyof T]: string };
