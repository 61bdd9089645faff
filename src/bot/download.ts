/** Downloads files from the Bot API server (Telegram's, or TELEGRAM_API_ROOT's). */
export function createDownloader(token: string, apiRoot = "https://api.telegram.org", fetchFn: typeof fetch = fetch) {
  return async (filePath: string): Promise<Buffer> => {
    const response = await fetchFn(`${apiRoot}/file/bot${token}/${filePath}`);
    if (!response.ok) throw new Error(`file download failed: ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  };
}
