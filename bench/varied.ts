/**
 * Different documents of the example's shape, for batch figures that must not flatter caches:
 * each one has its own office, signer, dates and numbers, and paragraphs recombined from the
 * example's sentences with their own figures. The same seed always gives the same document.
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Ma', 'Lường'];
const MIDDLE = ['Văn', 'Thị', 'Đình', 'Minh', 'Quốc', 'Thanh', 'Hữu', 'Ngọc', 'Xuân', 'Đức'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phương', 'Quân', 'Sơn', 'Thảo', 'Trung', 'Tuấn', 'Yến'];
const PLACES = ['Chợ Chu', 'Trung Hội', 'Phượng Tiến', 'Bảo Linh', 'Kim Phượng', 'Định Biên', 'Phú Đình', 'Bình Thành', 'Sơn Phú', 'Tân Dương', 'Điềm Mặc', 'Quy Kỳ', 'Lam Vỹ', 'Thanh Định'];
const PROVINCES = ['THÁI NGUYÊN', 'TUYÊN QUANG', 'LẠNG SƠN', 'CAO BẰNG', 'BẮC NINH', 'PHÚ THỌ'];

type Input = Record<string, unknown> & {
  sections: { heading: string; content: { text: string }[] }[];
  opening: string[];
  closing: string[];
};

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function variedInput(example: Input, seed: number): Input {
  const next = random(seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const number = (max: number) => 1 + Math.floor(next() * max);
  const place = pick(PLACES);
  const ward = next() < 0.5;
  const unit = `${ward ? 'phường' : 'xã'} ${place}`;
  const month = number(12);
  const year = 2025 + Math.floor(next() * 2);
  const day = number(28);
  const sentences = [...example.opening, ...example.closing, ...example.sections.flatMap((section) => section.content.map((item) => item.text))]
    .flatMap((text) => text.split(/(?<=[.;])\s+/))
    .filter((sentence) => sentence.length > 20);
  const paragraph = () => {
    const parts = Array.from({ length: 1 + number(3) }, () => pick(sentences));
    const figures = `Kế hoạch số ${number(300)}-KH/ĐU ngày ${number(28)}/${month}/${year}, đạt ${number(100)},${number(9)}% chỉ tiêu, ${number(5000)} hộ`;
    return `${parts.join(' ')} ${figures}.`;
  };
  const sections = Array.from({ length: 1 + number(3) }, (_, index) => ({
    heading: `${pick(example.sections).heading.replace(/\d+\/\d{4}/, `${month}/${year}`)} (${index + 1})`,
    content: Array.from({ length: number(7) }, () => ({ text: paragraph() })),
  }));
  return {
    ...example,
    issuer: { superior: `ĐẢNG BỘ TỈNH ${pick(PROVINCES)}`, name: `ĐẢNG ỦY ${unit.toUpperCase()}`, unit },
    place,
    date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    meeting: { month, year },
    summary: ['CỦA BAN THƯỜNG VỤ ĐẢNG ỦY', `tại Hội nghị thường kỳ tháng ${month}/${year}`],
    opening: [paragraph()],
    sections,
    closing: [paragraph()],
    signature: { ...(example.signature as object), name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}` },
  };
}
