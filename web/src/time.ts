/** Instants are shown in China Standard Time, whatever the browser's zone (the law's dates are China's). */
export const chinaTime = (iso: string, seconds = false) =>
  new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
  });
