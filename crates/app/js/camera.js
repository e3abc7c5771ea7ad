// "Scan a QR code" with the camera (issue #17), where the browser allows it: the frames stay in
// the page; each is turned to gray levels and handed to the on-demand module's QR reader
// (badgeDocuments.scan_qr_luma, crates/documents), loaded on first use. Resolves with the first code's
// text, or null when the user stops, the camera is refused, or nothing is read within a minute.
import { loadModule } from './suites.js';

let stopRequested = false;

export function cameraAvailable() {
  return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

export function stopCamera() {
  stopRequested = true;
}

export async function scanCamera(video) {
  stopRequested = false;
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  } catch {
    return null;
  }
  const stop = () => stream.getTracks().forEach((t) => t.stop());
  try {
    video.srcObject = stream;
    video.setAttribute('playsinline', '');
    await video.play();
    if (!(await loadModule('documents'))) return null;
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const deadline = performance.now() + 60_000;
    while (!stopRequested && performance.now() < deadline) {
      const w = video.videoWidth, h = video.videoHeight;
      if (w > 0 && h > 0) {
        // At most 1280 px on the long side: enough for a code that fills part of the frame.
        const scale = Math.min(1, 1280 / Math.max(w, h));
        canvas.width = Math.round(w * scale);
        canvas.height = Math.round(h * scale);
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const luma = new Uint8Array(canvas.width * canvas.height);
        for (let i = 0, j = 0; j < luma.length; i += 4, j++) {
          luma[j] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8;
        }
        try {
          const found = JSON.parse(globalThis.badgeDocuments.scan_qr_luma(canvas.width, canvas.height, luma));
          if (Array.isArray(found) && found.length > 0 && typeof found[0] === 'string') return found[0];
        } catch {
          // A frame the reader refuses: try the next one.
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return null;
  } finally {
    stop();
    video.srcObject = null;
  }
}
