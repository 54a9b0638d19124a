/** A one-line progress bar on a terminal, or a line every tenth otherwise. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastTenth = -1;
  return (done: number, total: number) => {
    const fraction = total === 0 ? 1 : done / total;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const counts = `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${label} ${seconds}s`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(fraction * 100)}% ${counts}`);
      if (done >= total) stream.write('\n');
    } else if (Math.floor(fraction * 10) > lastTenth) {
      lastTenth = Math.floor(fraction * 10);
      stream.write(`${Math.round(fraction * 100)}% ${counts}\n`);
    }
  };
}
