/** The part of fontkit (a dependency of pdfkit, shipped without types) the reports use. */
declare module 'fontkit' {
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): unknown;
}
