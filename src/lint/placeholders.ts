/**
 * The stand-ins a starter file (`ket-luan init`) holds where only the office knows the text: a
 * note in brackets "(ghi kết quả)", "(Ghi những hạn chế …)", an ellipsis standing for a name
 * ("ĐẢNG ỦY XÃ …"), and the sample signer. A document still holding one is not finished.
 */
const TO_WRITE = /\((?:ghi|điền|nêu)\b[^)]*\)/iu;
const ELLIPSIS_NAME = /(?:^|\s)(?:…|\.\.\.)(?:\s|$)/u;
const SAMPLE_NAMES = new Set(['Nguyễn Văn A', 'NGUYỄN VĂN A', 'Trần Văn B', 'TRẦN VĂN B']);

/** The placeholder a text holds, as written there, or undefined. */
export function placeholderIn(text: string): string | undefined {
  const note = TO_WRITE.exec(text);
  if (note) return note[0];
  const trimmed = text.trim();
  if (SAMPLE_NAMES.has(trimmed)) return trimmed;
  // An ellipsis on its own (a name left out), not one ending a sentence of real text.
  if (ELLIPSIS_NAME.test(trimmed) && trimmed.length <= 60) return trimmed;
  return undefined;
}
