// ---------------------------------------------------------------------------------------------
// WAV: a two-note notification chime, 16 kHz mono 16-bit PCM

export function chimeWav(): Buffer {
  const rate = 16_000;
  const seconds = 1.6;
  const n = Math.round(rate * seconds);
  const pcm = Buffer.alloc(n * 2);
  const notes = [
    { at: 0, freq: 1318.51, gain: 0.5 }, // E6
    { at: 0.18, freq: 1046.5, gain: 0.55 }, // C6
  ];
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    let v = 0;
    for (const note of notes) {
      const u = t - note.at;
      if (u < 0) continue;
      const attack = Math.min(1, u / 0.004);
      const env = attack * Math.exp(-u * 3.2);
      // Bell-like: fundamental plus two slightly inharmonic partials that die out faster.
      v +=
        note.gain *
        env *
        (Math.sin(2 * Math.PI * note.freq * u) +
          0.35 * Math.exp(-u * 6) * Math.sin(2 * Math.PI * note.freq * 2.76 * u) +
          0.15 * Math.exp(-u * 9) * Math.sin(2 * Math.PI * note.freq * 5.4 * u));
    }
    const fadeOut = Math.min(1, (n - i) / (rate * 0.05));
    pcm.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v * 0.6 * fadeOut)) * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}
