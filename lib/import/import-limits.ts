/** What the dashboard accepts (the server actions' body limit is 6 MB); `npm run import:wordpress` takes up to 50 MB. */
export const MAX_UPLOAD_WXR_BYTES = 5 * 1024 * 1024;
