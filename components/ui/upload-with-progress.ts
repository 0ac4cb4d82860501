/**
 * POSTs a file with XHR (fetch has no upload progress) and reports the percentage sent. Resolves with
 * the status and the JSON body, or `{ error: "HTTP <status>" }` when the answer is not JSON.
 */
export function uploadWithProgress(
  url: string,
  body: Blob,
  onProgress: (percent: number) => void,
  contentType?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    if (contentType) xhr.setRequestHeader("Content-Type", contentType);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, body: JSON.parse(xhr.responseText) });
      } catch {
        resolve({ status: xhr.status, body: { error: `HTTP ${xhr.status}` } });
      }
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(body);
  });
}
