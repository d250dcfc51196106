/** Streams a File (or any Blob) the user picked, so a large log is verified as it is read, never held as one string. */
export async function* fileChunks(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}
