/**
 * The cost of signing: the example's PDF unsigned, with an empty signature field, signed with a
 * P12 (self-signed, made by openssl), and signed with the signature and seal images. The four are
 * timed in turn, round after round, so that a change in a shared machine's load falls on all
 * alike; each figure is the median of its rounds, after warm-up rounds.
 * The P12 is opened once per process (src/sign/p12.ts), as in a batch; its first opening, a few
 * hundred milliseconds of key derivation in JavaScript, is reported on its own.
 */
import { renderConclusion, type RenderOptions } from '../src/index.js';
import { makeP12, png } from '../test/helpers/signing.js';
import { fmt, median } from './stats.js';

type Row = (what: string, value: string, target?: string) => void;

export async function benchSigning(example: unknown, row: Row, rounds = 50, warmup = 20): Promise<void> {
  const p12 = await makeP12('bench');
  const sign = { p12, passphrase: 'bench', signedAt: new Date('2024-11-29T08:00:00Z') };
  const signatureImage = png(600, 200, (x, y) => (Math.abs(y - 100 - 60 * Math.sin(x / 40)) < 6 ? [20, 40, 200, 255] : [0, 0, 0, 0]));
  const sealImage = png(400, 400, (x, y) => (Math.abs(Math.hypot(x - 200, y - 200) - 180) < 12 ? [220, 20, 20, 230] : [0, 0, 0, 0]));

  const first = performance.now();
  await renderConclusion(example, { format: 'pdf', sign });
  const firstMs = performance.now() - first;

  const variants: Omit<RenderOptions, 'format'>[] = [{}, { signatureField: true }, { sign }, { sign, signatureImage, sealImage }];
  const times: number[][] = variants.map(() => []);
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [index, options] of variants.entries()) {
      const start = performance.now();
      await renderConclusion(example, { format: 'pdf', ...options });
      if (round >= warmup) times[index]!.push(performance.now() - start);
    }
  }
  const [unsigned, field, signed, withImages] = times.map(median) as [number, number, number, number];
  row('PDF of the example, warm median, timed in turn: unsigned / with a signature field / signed (P12) / signed, with signature and seal images', `${fmt(unsigned)} / ${fmt(field)} / ${fmt(signed)} / ${fmt(withImages)}`);
  row('What signing adds to a warm PDF (median signed − median unsigned)', fmt(signed - unsigned));
  row('The first signed PDF of a new process (its first PDF, and opening the P12: OpenSSL 3 default file, AES-256 and PBKDF2)', fmt(firstMs));
}
