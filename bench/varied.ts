/**
 * Varied inputs for the batch figure: each document differs from the others as a real month's
 * documents of many offices do (issuer, place, date, number, signer, how many points and which
 * sentences), so caches keyed by text fill as they would in production instead of hitting the
 * same words a thousand times. Seeded, so every run renders the same thousand documents.
 */

interface ExampleInput {
  sections: { heading: string; content: ({ text: string } | string)[] }[];
  [key: string]: unknown;
}

const PLACES = ['Chợ Chu', 'Định Hóa', 'Phú Lương', 'Đại Từ', 'Võ Nhai', 'Đồng Hỷ', 'Phổ Yên', 'Sông Công', 'Tân Cương', 'Quyết Thắng'];
const UNITS = ['XÃ', 'PHƯỜNG'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Ma', 'Đinh', 'Lường', 'Vi', 'Hà'];
const MIDDLE = ['Văn', 'Thị', 'Đình', 'Đức', 'Minh', 'Thanh', 'Quang', 'Hữu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hạnh', 'Khánh', 'Lan', 'Mạnh', 'Nga', 'Phúc', 'Quỳnh', 'Sơn', 'Tú'];

/** A small, fast, seeded generator (mulberry32): the same seed gives the same documents. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The example's sentences, the material the varied paragraphs are drawn from. */
function sentencesOf(example: ExampleInput): string[] {
  return example.sections
    .flatMap((section) => section.content.map((item) => (typeof item === 'string' ? item : item.text)))
    .flatMap((text) => text.split(/(?<=[.;:])\s+/))
    .filter((sentence) => sentence.length > 20);
}

export function variedInputs(example: ExampleInput, count: number, seed = 20241129): unknown[] {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentences = sentencesOf(example);
  const paragraph = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(sentences)).join(' ');

  return Array.from({ length: count }, (_, index) => {
    const place = pick(PLACES);
    const unitKind = pick(UNITS);
    const month = 1 + Math.floor(random() * 12);
    const year = 2025 + Math.floor(random() * 2);
    const day = 1 + Math.floor(random() * 28);
    const sections = example.sections.map((section) => ({
      heading: section.heading,
      content: Array.from({ length: 2 + Math.floor(random() * 6) }, () => ({ text: paragraph() })),
    }));
    // The summary and opening are left to the templates, which write them from the meeting.
    const { summary: _summary, opening: _opening, ...rest } = example;
    return {
      ...rest,
      issuer: {
        superior: 'ĐẢNG BỘ TỈNH THÁI NGUYÊN',
        name: `ĐẢNG ỦY ${unitKind} ${place.toLocaleUpperCase('vi')}`,
        unit: `${unitKind === 'XÃ' ? 'xã' : 'phường'} ${place}`,
      },
      number: { sequence: 1 + index, issuerCode: 'ĐU', typeCode: 'KL' },
      place,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      meeting: { month, year },
      sections,
      signature: { ...(example.signature as object), name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}` },
    };
  });
}
