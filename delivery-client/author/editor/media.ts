/** Pictures chosen in the editor: read once as base64 with their size, named under the item's media/. */
export interface ReadPicture {
  href: string;
  contentType: string;
  data: string;
  width: number;
  height: number;
}

const safeName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\w.-]+/g, '-')
    .slice(-80) || 'hinh.png';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A sound or video file for a media interaction: no size is read (the player sizes itself). */
export async function readClipFile(file: File): Promise<ReadPicture> {
  const data = await base64Of(file);
  const contentType = file.type || 'audio/mpeg';
  const stamp = Date.now().toString(36);
  return { href: `media/${stamp}-${safeName(file.name)}`, contentType, data, width: 0, height: 0 };
}

export async function readImageFile(file: File): Promise<ReadPicture> {
  const data = await base64Of(file);
  const contentType = file.type || 'image/png';
  const size = await new Promise<{ width: number; height: number }>((resolve) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth || 400, height: img.naturalHeight || 300 });
    img.onerror = () => resolve({ width: 400, height: 300 });
    img.src = `data:${contentType};base64,${data}`;
  });
  const stamp = Date.now().toString(36);
  return { href: `media/${stamp}-${safeName(file.name)}`, contentType, data, ...size };
}

/** Media paths in a candidate item swapped for data: URLs of the editor's files (the preview is unsaved). */
export function withLocalMedia<T>(
  candidate: T,
  media: Record<string, { contentType: string; data: string }>,
): T {
  return JSON.parse(JSON.stringify(candidate), (key, value: unknown) => {
    if ((key === 'src' || key === 'data') && typeof value === 'string' && media[value]) {
      const file = media[value]!;
      return `data:${file.contentType};base64,${file.data}`;
    }
    return value;
  }) as T;
}
