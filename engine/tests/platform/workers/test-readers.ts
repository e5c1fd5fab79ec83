/** Readers for the upload-parser pool's own tests: one answers, one spins, one eats memory, one refuses. */
export class TestRefusal extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TestRefusal';
  }
}

export function echoBytes(bytes: Uint8Array, label: string) {
  return { label, length: bytes.length, first: bytes[0], when: new Date(0), tags: new Map([['a', 1]]) };
}

export function spinForever(): never {
  for (;;) {
    // A reader stuck in a loop: only terminating the worker stops it.
  }
}

export function eatMemory(): number {
  const kept: number[][] = [];
  for (;;) kept.push(new Array<number>(1_000_000).fill(kept.length + 0.5));
}

export function refuse(code: string): never {
  throw new TestRefusal(`refused: ${code}`, code);
}

export async function waitThen(ms: number, value: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return value;
}
