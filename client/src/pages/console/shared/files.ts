/**
 * File transfer beside GraphQL (server/http/files.routes.ts): uploads are raw PUT bodies, downloads
 * of error reports and exports need the bearer token, so they are fetched and handed to the browser
 * as a blob instead of being plain links.
 */

/** An error of a file route: the same stable code and localized message as GraphQL errors. */
export interface FileProblem {
  code: string;
  message: string;
}

export class FileRequestError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message);
  }
}

/** `attachment; filename="x.xlsx"; filename*=UTF-8''%E5%AF%BC…` → the UTF-8 name when given. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : fallback;
}

/** The problem a file route reports as JSON, or a network-style one when the body is not JSON. */
export async function problemOf(response: Response): Promise<FileProblem> {
  try {
    const body = (await response.json()) as { code?: string; message?: string };
    return { code: body.code ?? `HTTP_${response.status}`, message: body.message ?? response.statusText };
  } catch {
    return { code: `HTTP_${response.status}`, message: response.statusText };
  }
}

export const authHeaders = (token: string | undefined, lang: 'zh' | 'en'): Record<string, string> => ({
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  'accept-language': lang === 'zh' ? 'zh-CN' : 'en',
});

/** Fetches a file with the bearer token and saves it under the name the hub gives it. */
export async function downloadWithToken(url: string, token: string | undefined, lang: 'zh' | 'en', fallbackName: string): Promise<string> {
  const response = await fetch(url, { headers: authHeaders(token, lang) });
  if (!response.ok) throw new FileRequestError(await problemOf(response));
  const name = fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  const blobUrl = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = blobUrl;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // The browser has taken the file once the click is handled; free it a moment later.
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
  return name;
}

export interface UploadOutcome {
  status: number;
  body: Record<string, unknown>;
}

/**
 * PUTs a file as the raw body. XMLHttpRequest rather than fetch because only it reports upload
 * progress; the answer comes when the hub has finished importing.
 */
export function uploadFile(url: string, file: Blob, token: string | undefined, lang: 'zh' | 'en', onProgress: (fraction: number) => void): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    for (const [name, value] of Object.entries(authHeaders(token, lang))) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(request.responseText) as Record<string, unknown>;
      } catch {
        body = { code: `HTTP_${request.status}`, message: request.statusText };
      }
      resolve({ status: request.status, body });
    };
    request.onerror = () => reject(new FileRequestError({ code: 'NETWORK', message: request.statusText || 'network error' }));
    request.send(file);
  });
}

/** `/files/exports/targets.xlsx?filter={…}`: the listing as a spreadsheet, with the filter the page shows. */
export function exportUrl(kindPath: 'targets' | 'inspectors' | 'experts' | 'catalog-items', format: 'xlsx' | 'csv', filter: object): string {
  const cleaned = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  const query = Object.keys(cleaned).length ? `?filter=${encodeURIComponent(JSON.stringify(cleaned))}` : '';
  return `/files/exports/${kindPath}.${format}${query}`;
}
