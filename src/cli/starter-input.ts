import { previousMonth } from '../compose/context.js';
import type { ConclusionInput } from '../schema/conclusion.js';

/** `YYYY-MM-DD` of a day in local time (today is the user's today, not UTC's). */
export function isoDateOf(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * A starter input for the regular monthly meeting of the month of `today`, dated today.
 * Names and places are placeholders to replace; the title, summary, opening, headings,
 * closing, recipients and filing line come from the templates.
 */
export function starterInput(today: Date): ConclusionInput {
  const month = today.getMonth() + 1;
  const year = today.getFullYear();
  const before = previousMonth({ month, year });
  const last = `${before.month}/${before.year}`;
  const now = `${month}/${year}`;
  return {
    issuer: {
      superior: 'ĐẢNG BỘ HUYỆN ĐỊNH HÓA',
      name: 'ĐẢNG ỦY XÃ PHƯỢNG TIẾN',
      unit: 'xã Phượng Tiến',
    },
    number: {
      sequence: null,
      issuerCode: 'ĐU',
    },
    place: 'Phượng Tiến',
    date: isoDateOf(today),
    meeting: { month, year },
    results: {
      text: `Ban Thường vụ Đảng ủy đã lãnh đạo, chỉ đạo thực hiện cơ bản hoàn thành các nhiệm vụ trọng tâm tháng ${last} (ghi kết quả nổi bật của tháng ${last}).`,
      bullets: [
        'Công tác xây dựng Đảng: (ghi kết quả).',
        'Phát triển kinh tế - xã hội: (ghi kết quả).',
        'Quốc phòng, an ninh: (ghi kết quả).',
      ],
    },
    shortcomings: `(Ghi những hạn chế, tồn tại trong tháng ${last} và nguyên nhân.)`,
    tasks: [
      { text: `Giao Thường trực Đảng ủy chỉ đạo các chi bộ thực hiện nhiệm vụ trọng tâm tháng ${now} (ghi nội dung cụ thể).` },
      { text: `Giao Ủy ban nhân dân xã chỉ đạo phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh trong tháng ${now} (ghi nội dung cụ thể).` },
      { text: 'Giao Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tuyên truyền, vận động hội viên, nhân dân thực hiện (ghi nội dung cụ thể).' },
      { text: 'Giao các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành Đảng bộ được phân công phụ trách đôn đốc, kiểm tra các chi bộ thực hiện Kết luận này.' },
    ],
    signature: {
      authority: 'T/M',
      collective: 'BAN THƯỜNG VỤ',
      position: 'BÍ THƯ',
      name: 'Nguyễn Văn A',
    },
  };
}
