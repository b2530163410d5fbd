/** Photos in the renderer: a JPEG thumbnail made with a canvas, and bytes from a picked or captured image. */

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export function isPhotoType(mime: string): mime is PhotoType {
  return (PHOTO_TYPES as readonly string[]).includes(mime);
}

function canvasBytes(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? void blob.arrayBuffer().then((b) => resolve(new Uint8Array(b)), reject) : reject(new Error('canvas is empty'))),
      type,
      quality,
    );
  });
}

/** A JPEG no larger than `size` pixels on its longer side. */
export async function makeThumbnail(source: Blob, size = 320): Promise<Uint8Array> {
  const bitmap = await createImageBitmap(source);
  const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvasBytes(canvas, 'image/jpeg', 0.8);
}

/** A frame of a playing video as a JPEG (the camera capture). */
export function captureFrame(video: HTMLVideoElement): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  return canvasBytes(canvas, 'image/jpeg', 0.9);
}

export function canvasPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  return canvasBytes(canvas, 'image/png', 1);
}

export function bytesUrl(bytes: Uint8Array, mime: string): string {
  return URL.createObjectURL(new Blob([bytes.slice().buffer], { type: mime }));
}
