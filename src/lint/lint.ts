import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import type { Conclusion } from '../schema/conclusion.js';
import { stringFields } from '../schema/fields.js';
import { parseConclusion } from '../schema/parse.js';
import { parseIsoDate, type CalendarDate } from '../text/calendar.js';
import { toUpperVi } from '../text/case.js';
import { plainText, parseInline } from '../text/inline.js';
import { placeholderIn } from './placeholders.js';
import type { ConclusionWarning } from './warning.js';

export interface LintOptions {
  /** The day the document is checked on (default: now); a date far ahead of it is suspicious. */
  today?: Date;
}

/** District-level committees were dissolved on this day (Kết luận 137-KL/TW; Nghị quyết 60-NQ/TW). */
const DISTRICT_LEVEL_ENDS = '2025-07-01';
/** From this day Party documents are electronic by default (Quy định 379-QĐ/TW, 22/10/2025). */
const ELECTRONIC_BY_DEFAULT = '2025-10-22';
/** A document dated further ahead than this is probably a typing slip (2025 for 2024, say). */
const FUTURE_DAYS = 31;

/**
 * The checks a clerk would want before sending a conclusion, on input that is otherwise valid:
 * each warning names its field and says what is odd in English and Vietnamese. Nothing here
 * stops rendering. Input that is not a valid conclusion throws `ConclusionValidationError`, as
 * rendering would.
 */
export function lintConclusion(input: unknown, options: LintOptions = {}): ConclusionWarning[] {
  return lintParsed(parseConclusion(input), options);
}

/** lintConclusion's checks on a conclusion already parsed, such as a render's own: validated once. */
export function lintParsed(conclusion: Conclusion, options: LintOptions = {}): ConclusionWarning[] {
  const today = options.today ?? new Date();
  return [
    ...districtLevel(conclusion),
    ...meetingDates(conclusion),
    ...futureDate(conclusion, today),
    ...placeholders(conclusion),
    ...filing(conclusion),
    ...signature(conclusion),
    ...header(conclusion),
  ];
}

function warning(code: string, field: string, message: string, messageVi: string): ConclusionWarning {
  return { code, field, message, messageVi };
}

const UY = '(?:ỦY|UỶ)';
/** A district-level body: ĐẢNG BỘ HUYỆN …, HUYỆN ỦY …, QUẬN ỦY …, THỊ ỦY …, BAN THƯỜNG VỤ HUYỆN ỦY … */
const DISTRICT_BODY = new RegExp(`(?:^|[^\\p{L}])(?:(?:ĐẢNG BỘ|ĐẢNG ${UY}) (?:HUYỆN|QUẬN|THỊ XÃ)|(?:HUYỆN|QUẬN|THỊ) ${UY})(?![\\p{L}])`, 'u');
/**
 * The cities under the central government after 01/7/2025. Any other city's committee
 * (THÀNH ỦY …, ĐẢNG BỘ THÀNH PHỐ …) was a city of a province, a district-level body.
 */
const CENTRAL_CITIES = ['HÀ NỘI', 'HỒ CHÍ MINH', 'HẢI PHÒNG', 'ĐÀ NẴNG', 'CẦN THƠ', 'HUẾ'];
const CITY_BODY = new RegExp(`(?:^|[^\\p{L}])(?:ĐẢNG BỘ THÀNH PHỐ|ĐẢNG ${UY} THÀNH PHỐ|THÀNH ${UY}) (.+)$`, 'u');
/** Towns (thị trấn) went with the districts: a commune-level committee is now a xã, phường or đặc khu. */
const TOWN_BODY = new RegExp(`(?:^|[^\\p{L}])(?:ĐẢNG BỘ|ĐẢNG ${UY}) THỊ TRẤN(?![\\p{L}])`, 'u');

/** Which district-level body a text names, if any, in capitals. */
function districtBodyIn(text: string): string | undefined {
  const upper = toUpperVi(text).replace(/\s+/g, ' ').trim();
  const district = DISTRICT_BODY.exec(upper) ?? TOWN_BODY.exec(upper);
  if (district) return district[0].replace(/^[^\p{L}]/u, '');
  const city = CITY_BODY.exec(upper);
  if (city && !CENTRAL_CITIES.some((name) => city[1]!.startsWith(name))) return city[0].replace(/^[^\p{L}]/u, '');
  return undefined;
}

function districtLevel(conclusion: Conclusion): ConclusionWarning[] {
  if (conclusion.date < DISTRICT_LEVEL_ENDS) return [];
  const dated = formatIso(conclusion.date);
  const found: ConclusionWarning[] = [];
  const fields: [string, string | undefined][] = [
    ['issuer.superior', conclusion.issuer.superior],
    ['issuer.name', conclusion.issuer.name],
    ...(conclusion.recipients ?? []).map((text, i): [string, string] => [`recipients[${i}]`, text]),
    ['filing', conclusion.filing],
  ];
  for (const [field, text] of fields) {
    const body = text === undefined ? undefined : districtBodyIn(text);
    if (body === undefined) continue;
    found.push(
      warning(
        'district-level-body',
        field,
        `names "${body}", a body that no longer exists on ${dated}: district-level committees and towns (thị trấn) were dissolved on 01/7/2025, and a commune's or ward's superior is now the province ("ĐẢNG BỘ TỈNH …"); is this last year's template?`,
        `ghi "${body}", cấp không còn tồn tại vào ngày ${dated}: từ 01/7/2025 không còn cấp huyện và thị trấn, cấp trên của xã, phường là tỉnh ("ĐẢNG BỘ TỈNH …"); có phải dùng lại mẫu cũ?`,
      ),
    );
  }
  if (toUpperVi(conclusion.number.issuerCode) === 'HU') {
    found.push(
      warning(
        'district-level-code',
        'number.issuerCode',
        `is "HU", the code of a district committee (huyện ủy), but the document is dated ${dated}, after district-level committees were dissolved (01/7/2025); a commune's or ward's committee writes "ĐU"`,
        `là "HU", ký hiệu của huyện ủy, nhưng văn bản đề ngày ${dated}, sau khi cấp huyện kết thúc hoạt động (01/7/2025); đảng ủy xã, phường ghi "ĐU"`,
      ),
    );
  }
  return found;
}

/** Months since year 0: months can be compared and subtracted. */
const monthIndex = (year: number, month: number) => year * 12 + month - 1;

/** "Ngày 29/10/2024" in running text: the dates an opening paragraph names. */
const SHORT_DATE = /(?:^|[^\p{L}\d])[Nn]gày (\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/gu;

function meetingDates(conclusion: Conclusion): ConclusionWarning[] {
  const found: ConclusionWarning[] = [];
  const date = parseIsoDate(conclusion.date);
  const dated = formatIso(conclusion.date);
  const { meeting } = conclusion;
  if (meeting) {
    const gap = monthIndex(date.year, date.month) - monthIndex(meeting.year, meeting.month);
    const held = `${pad(meeting.month)}/${meeting.year}`;
    if (gap < -1) {
      found.push(
        warning(
          'date-before-meeting',
          'date',
          `${dated} is more than a month before the meeting it reports (the regular meeting of ${held}, held at the end of the month before at the earliest); check the date and "meeting"`,
          `${dated} sớm hơn quá một tháng so với hội nghị mà kết luận ghi lại (hội nghị thường kỳ tháng ${held}, sớm nhất là cuối tháng trước); kiểm tra lại ngày và "meeting"`,
        ),
      );
    } else if (gap > 0) {
      found.push(
        warning(
          'date-after-meeting-month',
          'meeting',
          `is ${held}, but the document is dated ${dated}, after that month: its tasks would be for a month already past; was "meeting" left from last month's file?`,
          `là tháng ${held}, nhưng văn bản đề ngày ${dated}, đã qua tháng đó: nhiệm vụ đề ra sẽ là của tháng đã qua; có phải "meeting" còn của tháng trước?`,
        ),
      );
    }
  }
  // An opening that says when the meeting was held: the conclusion cannot be dated before it.
  (conclusion.opening ?? []).forEach((text, i) => {
    for (const match of plainText(parseInline(text)).matchAll(SHORT_DATE)) {
      const held: CalendarDate = { day: Number(match[1]), month: Number(match[2]), year: Number(match[3]) };
      if (compare(held, date) <= 0) continue;
      found.push(
        warning(
          'date-before-meeting',
          'date',
          `${dated} is before the meeting it reports, held on ${pad(held.day)}/${pad(held.month)}/${held.year} as opening[${i}] says`,
          `${dated} sớm hơn ngày họp mà kết luận ghi lại (${pad(held.day)}/${pad(held.month)}/${held.year}, theo opening[${i}])`,
        ),
      );
    }
  });
  return found;
}

function futureDate(conclusion: Conclusion, today: Date): ConclusionWarning[] {
  const date = parseIsoDate(conclusion.date);
  const ahead = differenceInCalendarDays(new Date(date.year, date.month - 1, date.day), today);
  if (ahead <= FUTURE_DAYS) return [];
  return [
    warning(
      'date-far-ahead',
      'date',
      `${formatIso(conclusion.date)} is ${ahead} days from today; is the year right?`,
      `${formatIso(conclusion.date)} còn ${ahead} ngày nữa mới đến; năm có đúng không?`,
    ),
  ];
}

function placeholders(conclusion: Conclusion): ConclusionWarning[] {
  return stringFields(conclusion).flatMap(({ field, text }) => {
    const placeholder = placeholderIn(text);
    if (placeholder === undefined) return [];
    return [
      warning(
        'placeholder',
        field,
        `still holds the starter's placeholder "${placeholder}" (from ket-luan init): write the real text`,
        `vẫn còn chỗ cần điền "${placeholder}" của tệp mẫu (ket-luan init): hãy ghi nội dung thật`,
      ),
    ];
  });
}

const FILING = /^Lưu\b/u;

function filing(conclusion: Conclusion): ConclusionWarning[] {
  const found: ConclusionWarning[] = [];
  const recipients = conclusion.recipients ?? [];
  if (conclusion.filing !== undefined && !FILING.test(conclusion.filing.trim())) {
    found.push(
      warning(
        'filing-without-luu',
        'filing',
        `"${conclusion.filing}" does not start with "Lưu": the last line of "Nơi nhận" files the document ("Lưu VPĐU", "Lưu Văn phòng Đảng ủy")`,
        `"${conclusion.filing}" không bắt đầu bằng "Lưu": dòng cuối của "Nơi nhận" là nơi lưu văn bản ("Lưu VPĐU", "Lưu Văn phòng Đảng ủy")`,
      ),
    );
  }
  recipients.forEach((text, i) => {
    if (!FILING.test(text.replace(/^[-–+•]\s*/u, '').trim())) return;
    found.push(
      warning(
        'filing-in-recipients',
        `recipients[${i}]`,
        `"${text}" is a filing line: give it as "filing" (it is printed last, after the recipients); as it stands the document has two "Lưu" lines`,
        `"${text}" là dòng lưu văn bản: hãy ghi vào "filing" (in ở cuối, sau nơi nhận); hiện văn bản có hai dòng "Lưu"`,
      ),
    );
  });
  for (const [field, text] of [['filing', conclusion.filing], ...recipients.map((r, i) => [`recipients[${i}]`, r])] as [string, string | undefined][]) {
    if (text === undefined || !/^[-–]?\s*Lưu\s*:\s*VT\b/iu.test(text)) continue;
    found.push(
      warning(
        'state-filing-form',
        field,
        `"${text}" is the state documents' form (Nghị định 30); a Party document files as "Lưu VPĐU" or "Lưu Văn phòng Đảng ủy", without a colon or "VT"`,
        `"${text}" là cách ghi của văn bản hành chính (Nghị định 30); văn bản của Đảng ghi "Lưu VPĐU" hoặc "Lưu Văn phòng Đảng ủy", không có dấu hai chấm và "VT"`,
      ),
    );
  }
  return found;
}

function signature(conclusion: Conclusion): ConclusionWarning[] {
  const { authority, collective, position } = conclusion.signature;
  const found: ConclusionWarning[] = [];
  const pos = position === undefined ? undefined : toUpperVi(position).trim();
  if (authority === 'K/T' && pos !== undefined && !pos.startsWith('PHÓ')) {
    found.push(
      warning(
        'signer-authority',
        'signature.position',
        `is "${position}", but K/T means a deputy signs for the head: the position is a deputy's ("PHÓ BÍ THƯ"); the head signs without K/T`,
        `là "${position}", nhưng K/T là cấp phó ký thay người đứng đầu: chức vụ phải là cấp phó ("PHÓ BÍ THƯ"); người đứng đầu ký không ghi K/T`,
      ),
    );
  }
  if (authority === 'K/T' && collective !== undefined && /BAN THƯỜNG VỤ|BAN CHẤP HÀNH/u.test(toUpperVi(collective))) {
    found.push(
      warning(
        'signer-authority',
        'signature.authority',
        `is K/T with "${collective}": a deputy signs K/T for the head ("K/T BÍ THƯ"), while a document on behalf of a committee is signed T/M ("T/M BAN THƯỜNG VỤ")`,
        `là K/T với "${collective}": cấp phó ký K/T thay người đứng đầu ("K/T BÍ THƯ"), còn văn bản thay mặt tập thể ký T/M ("T/M BAN THƯỜNG VỤ")`,
      ),
    );
  }
  if (authority === 'T/L' && pos !== undefined && /^(PHÓ )?BÍ THƯ$/u.test(pos)) {
    found.push(
      warning(
        'signer-authority',
        'signature.position',
        `is "${position}", but T/L ("by order") is signed by the head of an advisory office (e.g. "CHÁNH VĂN PHÒNG"), not by a secretary`,
        `là "${position}", nhưng T/L (thừa lệnh) do người đứng đầu cơ quan tham mưu ký (ví dụ "CHÁNH VĂN PHÒNG"), không phải bí thư, phó bí thư`,
      ),
    );
  }
  return found;
}

const COMMUNE_COMMITTEE = new RegExp(`^ĐẢNG ${UY} (?:XÃ|PHƯỜNG|ĐẶC KHU|THỊ TRẤN) `, 'u');
const UNIT_PREFIX = /^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh)\s/iu;

function header(conclusion: Conclusion): ConclusionWarning[] {
  const found: ConclusionWarning[] = [];
  const name = toUpperVi(conclusion.issuer.name).replace(/\s+/g, ' ').trim();
  if (conclusion.issuer.superior === undefined && COMMUNE_COMMITTEE.test(name)) {
    found.push(
      warning(
        'missing-superior',
        'issuer.superior',
        `is missing: a commune's or ward's committee names its superior body above its own name ("ĐẢNG BỘ TỈNH …" since 01/7/2025)`,
        `chưa có: đảng ủy xã, phường ghi tên cơ quan cấp trên phía trên tên mình ("ĐẢNG BỘ TỈNH …" từ 01/7/2025)`,
      ),
    );
  }
  const prefix = UNIT_PREFIX.exec(conclusion.place);
  if (prefix) {
    found.push(
      warning(
        'place-with-unit-kind',
        'place',
        `"${conclusion.place}" starts with "${prefix[1]}": the date line names the place alone ("Chợ Chu, ngày …", not "thị trấn Chợ Chu, ngày …")`,
        `"${conclusion.place}" bắt đầu bằng "${prefix[1]}": dòng địa danh chỉ ghi tên ("Chợ Chu, ngày …", không ghi "thị trấn Chợ Chu, ngày …")`,
      ),
    );
  }
  if (conclusion.number.sequence == null && !conclusion.marks?.draft && conclusion.date >= ELECTRONIC_BY_DEFAULT) {
    found.push(
      warning(
        'number-missing',
        'number.sequence',
        `is not given, so the number line leaves a blank to fill in by hand; since Quy định 379-QĐ/TW (22/10/2025) documents are sent electronically, signed digitally: give the number (or mark a draft with marks.draft)`,
        `chưa có, nên dòng số để trống để viết tay; từ Quy định 379-QĐ/TW (22/10/2025) văn bản được gửi điện tử, ký số: hãy ghi số (hoặc đánh dấu dự thảo bằng marks.draft)`,
      ),
    );
  }
  return found;
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "29/10/2024" for "2024-10-29". */
function formatIso(iso: string): string {
  const { day, month, year } = parseIsoDate(iso);
  return `${pad(day)}/${pad(month)}/${year}`;
}
