/**
 * Every message the `ket-luan` command prints, in English and Vietnamese: errors, warnings,
 * progress, the summary and the help text. The language is `--lang en|vi`, or else the locale
 * (`LC_ALL`, then `LC_MESSAGES`, then `LANG`: Vietnamese when it starts with "vi").
 *
 * Errors from the library carry their own Vietnamese (`messageVi`); this catalogue holds only
 * what the command itself says.
 */

export type Lang = 'en' | 'vi';
export const LANGS: readonly Lang[] = ['en', 'vi'];

/** The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set decides. */
function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^vi([_.@-]|$)/i.test(locale) ? 'vi' : 'en';
}

/**
 * The language asked for on the command line (`--lang vi`, `--lang=vi`), read before commander
 * parses anything, because the help text itself is built in that language. Null when absent
 * or not a known language (commander then reports the bad value).
 */
export function langFromArgs(args: readonly string[]): Lang | null {
  let found: Lang | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') break;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const lang = value.trim().toLowerCase();
    if ((LANGS as readonly string[]).includes(lang)) found = lang as Lang;
  }
  return found;
}

export function chooseLang(args: readonly string[], env: NodeJS.ProcessEnv): Lang {
  return langFromArgs(args) ?? langFromEnv(env);
}

/** At most three names, then how many more. */
function listSome(names: readonly string[], more: (n: number) => string): string {
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 3).join(', ')} ${more(names.length - 3)}`;
}

/** "2025-01-30" → "30/01/2025", as Vietnamese writes a date in figures. */
const dmy = (iso: string) => iso.split('-').reverse().join('/');

const en = {
  // ---- help ----
  help: {
    program: 'Render Vietnamese Party conclusions (KẾT LUẬN) from JSON to DOCX and PDF, in the official layout.',
    version: 'print the version',
    help: 'show help',
    helpCommand: 'show help for a command',
    afterError: '(add --help for usage)',
    lang: 'the language of messages: en or vi (default: from the locale, LANG/LC_ALL)',
    titles: { 'Usage:': 'Usage:', 'Arguments:': 'Arguments:', 'Options:': 'Options:', 'Global Options:': 'Global Options:', 'Commands:': 'Commands:' } as Record<string, string>,
    defaultWord: 'default',
    optionsWord: '[options]',
    commandWord: '[command]',
    inputs: 'JSON files, folders (every *.json inside, subfolders too), or - for standard input',
    fonts: 'TTF fonts for the PDF: a folder holding the four faces (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf or LiberationSerif-*.ttf), or four comma-separated paths: regular,bold,italic,bold-italic',
    render: {
      description: 'render inputs to DOCX and/or PDF',
      out: 'the folder to write to (default: the current folder)',
      format: 'formats to write, comma-separated: docx, pdf',
      templates: 'a folder of templates that shadow the built-in ones (see: ket-luan templates init)',
      profile: 'the layout profile (default: ket-luan-hd36)',
      pdfa: 'write PDF/A-2b, the archival form of PDF',
      signatureField: 'PDF: add an empty signature field "ChuKy" over the signing space, for a signing tool to fill',
      signatureImage: 'a PNG of the signature, drawn in the signing space of the PDF and the DOCX',
      sealImage: 'a PNG of the seal, drawn over the left part of the signature',
      sign: 'PDF: sign with this .p12/.pfx certificate file; its passphrase is read from the environment variable KET_LUAN_P12_PASSPHRASE',
      quiet: 'print nothing but errors and warnings',
      jobs: (cores: number) => `inputs rendered at once, in worker threads (default: the cores available, ${cores} here)`,
      after: `
Each input <name>.json is written to <dir>/<name>.docx and <dir>/<name>.pdf; standard input to stdin.docx/.pdf.
A folder's subfolders are mirrored under <dir>: data/2025-01/a.json → <dir>/2025-01/a.pdf. Given several
folders, each keeps its own name under <dir>.
The templates and profile are checked before anything is rendered. A file is written whole or not at all.
Exit status: 0 all rendered, 1 some input failed (or a template is bad), 2 usage error, 130 interrupted.

Examples:
  ket-luan render 2024-11.json
  ket-luan render data/ -o out -f pdf --pdfa
  ket-luan render 2024-11.json --fonts /usr/share/fonts/truetype/msttcorefonts
  KET_LUAN_P12_PASSPHRASE=… ket-luan render 2024-11.json -f pdf --sign chu-ky.p12 --signature-image chu-ky.png --seal-image dau.png
  cat 2024-11.json | ket-luan render - -f docx`,
    },
    validate: {
      description: 'check inputs without writing anything',
      templates: 'check against these templates too',
      profile: 'check against this layout profile',
      after: '\nPrints "<file>: ok" for each valid input, and each problem as "<file>: <field>: <message>".\nExit status: 0 all valid, 1 some input invalid, 2 usage error.',
    },
    init: {
      description: "write a starter input for a month's regular meeting (default: this month)",
      file: 'the file to write (default: ket-luan.json, or <YYYY-MM>.json with --month or --from)',
      force: 'overwrite the file if it exists',
      month: 'the meeting month, YYYY-MM',
      from: "last month's input: its issuer, place, number codes, signature and recipients are kept, the month and date rolled forward",
      after: '\nExamples:\n  ket-luan init --month 2026-01\n  ket-luan init --from 2025-12.json            # writes 2026-01.json\n\nReplace every "(ghi …)" placeholder: render warns while one is left.',
    },
    templates: {
      description: 'work with the layout templates',
      initDescription: "write an editable copy of the package's templates (all profiles) into a folder",
      dir: 'the folder to create (or an empty one)',
      force: 'copy into a folder that is not empty, overwriting files of the same names',
      after: '\nThen render with: ket-luan render --templates <dir> <input.json>',
    },
  },

  // ---- commander's own errors, matched by their English text ----
  commander: {
    unknownOption: (flag: string) => `unknown option '${flag}'`,
    unknownCommand: (name: string) => `unknown command '${name}'`,
    didYouMean: (s: string) => `(Did you mean ${s}?)`,
    missingArgument: (name: string) => `missing required argument '${name}'`,
    optionArgumentMissing: (flags: string) => `option '${flags}' argument missing`,
    tooManyArguments: (expected: string, got: string) => `too many arguments. Expected ${expected} but got ${got}.`,
    invalidOptionArgument: (flags: string, value: string) => `option '${flags}' argument '${value}' is invalid.`,
  },

  // ---- general ----
  errorPrefix: 'error: ',
  warningPrefix: 'warning: ',
  unexpected: (detail: string) => `ket-luan: unexpected error: ${detail}`,

  // ---- usage errors ----
  usage: {
    formatNeedsOne: (formats: string) => `--format needs at least one of ${formats}`,
    unknownFormat: (name: string, formats: string) => `unknown format "${name}" (choose from ${formats}, e.g. --format docx,pdf)`,
    jobs: (value: string) => `--jobs must be a whole number of at least 1, not "${value}"`,
    lang: (value: string) => `--lang must be en or vi, not "${value}"`,
    month: (value: string) => `--month must be a month written YYYY-MM (e.g. 2026-01), not "${value}"`,
    fontsCount: (count: number) =>
      `--fonts takes a folder or four comma-separated TTF paths (regular,bold,italic,bold-italic); ${count} path${count === 1 ? ' was' : 's were'} given`,
    fontsEmpty: '--fonts needs a folder or four comma-separated TTF paths',
  },

  // ---- fonts ----
  fonts: {
    notFound: (path: string) => `--fonts: ${path}: no such file or folder`,
    missingFaces: (dir: string, faces: string, seen: string) =>
      `--fonts: the folder ${dir} has no ${faces} face (looked for the file names of Times New Roman and Liberation Serif, e.g. times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf; found: ${seen})`,
    faceNames: { normal: 'regular', bold: 'bold', italics: 'italic', bolditalics: 'bold italic' } as Record<string, string>,
    none: 'no .ttf file',
  },

  // ---- reading inputs ----
  input: {
    noSuchFileOrFolder: 'no such file or folder',
    noSuchFile: 'no such file',
    isFolder: 'is a folder, not a file',
    permissionDenied: 'cannot be read (permission denied)',
    cannotRead: (detail: string) => `cannot be read: ${detail}`,
    folderUnreadable: (reason: string) => `the folder ${reason}`,
    folderEmpty: 'the folder holds no .json file (subfolders included)',
    at: (line: number, column: number) => `line ${line}, column ${column}`,
    invalidJson: (where: string, detail: string) => `${where}: invalid JSON: ${detail}`,
    invalidJsonNoPlace: (detail: string) => `invalid JSON: ${detail}`,
    invalidUtf8: (where: string, byte: string, offset: number) =>
      `${where}: not valid UTF-8 (byte ${byte} at byte ${offset}); save the file as UTF-8`,
    duplicateKey: (where: string, key: string, first: string) =>
      `${where}: the key "${key}" appears twice in one object (first at ${first}); JSON would keep only the last, so remove one`,
    tooDeep: 'nested too deeply',
  },

  // ---- JSON syntax, as json-syntax.ts describes it ----
  json: {
    empty: 'the input is empty',
    trailingComma: (close: string) => `a comma before '${close}' (JSON allows no trailing comma)`,
    expectedPropertyName: (found: string) => `expected a property name in double quotes, found ${found}`,
    expectedValue: (what: 'property' | 'element' | 'value', found: string) =>
      `expected ${what === 'property' ? 'a property value' : what === 'element' ? 'an array element' : 'a value'}, found ${found}`,
    expectedColon: (found: string) => `expected ':' after the property name, found ${found}`,
    expectedAfter: (inArray: boolean, found: string) =>
      `expected ${inArray ? "',' or ']' after an array element" : "',' or '}' after a property value"}, found ${found}`,
    afterEnd: (found: string) => `unexpected ${found} after the end of the JSON value`,
    unclosedString: 'a string that is not closed before the end of its line (missing ")',
    badEscape: 'an invalid escape in a string (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
    badUnicode: 'a \\u escape needs four hex digits',
    controlCharacter: 'a control character inside a string',
    badNumber: 'a malformed number',
    comment: 'a comment (JSON allows none)',
    other: (name: string) => `invalid JSON (${name})`,
    endOfInput: 'end of input',
  },

  // ---- writing ----
  write: {
    cannotWrite: (display: string, reason: string) => `cannot write ${display}: ${reason}`,
    folderInTheWay: 'a folder of that name is in the way',
    noFolder: 'the folder does not exist',
    permissionDenied: 'permission denied',
    noSpace: 'no space left on the device',
    readOnly: 'the file system is read-only',
    notAllowed: 'the file system does not allow it',
    notAFolder: (display: string) => `${display} is a file, not a folder`,
    cannotCreateOut: (display: string, reason: string) => `cannot create the output folder ${display}: ${reason}`,
    symlink: (display: string) => `${display} is a symbolic link; ket-luan never writes through one (remove it, or choose another folder)`,
  },

  // ---- render ----
  render: {
    clash: (display: string, other: string) =>
      `not rendered: it would write ${display}, as ${other} does (rename one of them, or render them to different folders)`,
    overwritesInput: (display: string) => `not rendered: it would overwrite the input ${display}`,
    rendered: (name: string, outputs: string) => `rendered ${name} → ${outputs}`,
    summary: (rendered: number, failed: number, seconds: string) => `rendered ${rendered}, failed ${failed} in ${seconds} s`,
    summaryWarned: (warned: number) => `, ${warned} with warnings`,
    stopped: (signal: string) => `stopped (${signal}); no partial file was left`,
    cannotLoad: (detail: string) => `cannot load the renderer: ${detail}`,
    workerFailed: (detail: string) => `the render worker failed: ${detail}`,
    workerStopped: (code: number) => `the render worker stopped (exit code ${code})`,
    placeholders: (fields: readonly string[]) =>
      `still holds the starter's placeholder text in ${listSome(fields, (n) => `and ${n} more`)}; replace it before sending`,
  },

  // ---- validate ----
  validate: {
    ok: 'ok',
  },

  // ---- init ----
  init: {
    isFolder: (name: string) => `${name} is a folder; give a file name, e.g. ket-luan init ${name}/ket-luan.json`,
    exists: (name: string) => `${name} already exists; use --force to overwrite it`,
    symlink: (name: string) => `${name} is a symbolic link; ket-luan never writes through one (remove it, or give another name)`,
    wrote: (name: string, month: number, year: number, date: string) =>
      `wrote ${name}: the conclusion of the regular meeting of ${month}/${year}, dated ${date}.\n` +
      `Replace the placeholders "(ghi …)", "…" and the signer's name, then: ket-luan render ${name}`,
    wroteFrom: (name: string, from: string, month: number, year: number, date: string) =>
      `wrote ${name} from ${from}: the regular meeting of ${month}/${year}, dated ${date}; issuer, place, signature and recipients kept.\n` +
      `Write this month's results and tasks in place of the placeholders, then: ket-luan render ${name}`,
    fromInvalid: (from: string) => `${from} is not a valid conclusion, so nothing can be carried over from it:`,
    fromNoMonth: (from: string) => `${from} has neither a meeting month nor a date to roll forward; use --month YYYY-MM`,
  },

  // ---- templates init ----
  templatesInit: {
    notFolder: (dir: string) => `${dir} exists and is not a folder`,
    notEmpty: (dir: string) => `${dir} is not empty; use --force to copy the templates into it anyway (files of the same name are overwritten)`,
    copied: (profiles: string, dir: string) => `copied the templates (profiles ${profiles}) to ${dir}\nEdit them, then: ket-luan render --templates ${dir} <input.json>`,
    cannotCopy: (dir: string, reason: string) => `cannot copy the templates to ${dir}: ${reason}; nothing was changed`,
  },
};

export type Messages = typeof en;

const vi: Messages = {
  help: {
    program: 'Tạo văn bản Kết luận của Đảng (KẾT LUẬN) từ tệp JSON thành DOCX và PDF, đúng thể thức văn bản của Đảng.',
    version: 'in số phiên bản',
    help: 'hiện trợ giúp',
    helpCommand: 'hiện trợ giúp của một lệnh',
    afterError: '(thêm --help để xem cách dùng)',
    lang: 'ngôn ngữ của thông báo: en hoặc vi (mặc định: theo locale, LANG/LC_ALL)',
    titles: { 'Usage:': 'Cách dùng:', 'Arguments:': 'Tham số:', 'Options:': 'Tùy chọn:', 'Global Options:': 'Tùy chọn chung:', 'Commands:': 'Lệnh:' },
    defaultWord: 'mặc định',
    optionsWord: '[tùy-chọn]',
    commandWord: '[lệnh]',
    inputs: 'tệp JSON, thư mục (mọi tệp *.json bên trong, kể cả thư mục con), hoặc - để đọc từ đầu vào chuẩn',
    fonts: 'phông chữ TTF cho PDF: một thư mục chứa đủ bốn kiểu (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf hoặc LiberationSerif-*.ttf), hoặc bốn đường dẫn cách nhau bằng dấu phẩy: thường,đậm,nghiêng,đậm-nghiêng',
    render: {
      description: 'tạo tệp DOCX và/hoặc PDF từ các tệp đầu vào',
      out: 'thư mục ghi kết quả (mặc định: thư mục hiện tại)',
      format: 'định dạng cần tạo, cách nhau bằng dấu phẩy: docx, pdf',
      templates: 'thư mục mẫu thay cho các mẫu có sẵn (xem: ket-luan templates init)',
      profile: 'bộ thể thức trình bày (mặc định: ket-luan-hd36)',
      pdfa: 'ghi PDF/A-2b, dạng PDF dùng để lưu trữ',
      signatureField: 'PDF: thêm trường chữ ký trống "ChuKy" vào chỗ ký, để phần mềm ký số điền vào',
      signatureImage: 'ảnh PNG chữ ký, đặt vào chỗ ký của PDF và DOCX',
      sealImage: 'ảnh PNG con dấu, đặt trùm lên phần bên trái chữ ký',
      sign: 'PDF: ký số bằng tệp chứng thư .p12/.pfx này; mật khẩu đọc từ biến môi trường KET_LUAN_P12_PASSPHRASE',
      quiet: 'chỉ in lỗi và cảnh báo',
      jobs: (cores: number) => `số tệp tạo cùng lúc, trong các luồng riêng (mặc định: số lõi CPU, ở đây là ${cores})`,
      after: `
Mỗi tệp <tên>.json được ghi thành <thư mục>/<tên>.docx và <thư mục>/<tên>.pdf; đầu vào chuẩn thành stdin.docx/.pdf.
Thư mục con được giữ nguyên cấu trúc trong <thư mục>: data/2025-01/a.json → <thư mục>/2025-01/a.pdf. Khi cho
nhiều thư mục, mỗi thư mục giữ tên riêng của nó trong <thư mục>.
Mẫu và bộ thể thức được kiểm tra trước khi tạo văn bản. Mỗi tệp được ghi trọn vẹn, hoặc không ghi gì.
Mã thoát: 0 tạo xong tất cả, 1 có tệp lỗi (hoặc mẫu sai), 2 dùng lệnh sai, 130 bị ngắt.

Ví dụ:
  ket-luan render 2024-11.json
  ket-luan render data/ -o out -f pdf --pdfa
  ket-luan render 2024-11.json --fonts /usr/share/fonts/truetype/msttcorefonts
  KET_LUAN_P12_PASSPHRASE=… ket-luan render 2024-11.json -f pdf --sign chu-ky.p12 --signature-image chu-ky.png --seal-image dau.png
  cat 2024-11.json | ket-luan render - -f docx`,
    },
    validate: {
      description: 'kiểm tra các tệp đầu vào, không ghi gì',
      templates: 'kiểm tra theo cả các mẫu này',
      profile: 'kiểm tra theo bộ thể thức này',
      after: '\nIn "<tệp>: hợp lệ" cho mỗi tệp hợp lệ, và mỗi lỗi dạng "<tệp>: <trường>: <nội dung lỗi>".\nMã thoát: 0 tất cả hợp lệ, 1 có tệp không hợp lệ, 2 dùng lệnh sai.',
    },
    init: {
      description: 'tạo tệp đầu vào mẫu cho Hội nghị thường kỳ của một tháng (mặc định: tháng này)',
      file: 'tệp cần ghi (mặc định: ket-luan.json, hoặc <YYYY-MM>.json khi có --month hoặc --from)',
      force: 'ghi đè nếu tệp đã có',
      month: 'tháng họp, dạng YYYY-MM',
      from: 'tệp của tháng trước: giữ nguyên cơ quan ban hành, địa danh, ký hiệu số, chữ ký và nơi nhận; tháng họp và ngày chuyển sang tháng sau',
      after: '\nVí dụ:\n  ket-luan init --month 2026-01\n  ket-luan init --from 2025-12.json            # ghi 2026-01.json\n\nThay mọi chỗ "(ghi …)": lệnh render sẽ cảnh báo khi vẫn còn.',
    },
    templates: {
      description: 'làm việc với các mẫu trình bày',
      initDescription: 'chép các mẫu có sẵn (mọi bộ thể thức) ra một thư mục để sửa',
      dir: 'thư mục cần tạo (hoặc một thư mục trống)',
      force: 'chép vào thư mục không trống, ghi đè các tệp trùng tên',
      after: '\nSau đó tạo văn bản bằng: ket-luan render --templates <thư mục> <tệp.json>',
    },
  },

  commander: {
    unknownOption: (flag) => `không có tùy chọn '${flag}'`,
    unknownCommand: (name) => `không có lệnh '${name}'`,
    didYouMean: (s) => `(Có phải ý bạn là ${s}?)`,
    missingArgument: (name) => `thiếu tham số bắt buộc '${name}'`,
    optionArgumentMissing: (flags) => `tùy chọn '${flags}' thiếu giá trị`,
    tooManyArguments: (expected, got) => `thừa tham số: cần ${expected.replace(/ arguments?$/, '')} tham số, nhưng có ${got}.`,
    invalidOptionArgument: (flags, value) => `giá trị '${value}' của tùy chọn '${flags}' không hợp lệ.`,
  },

  errorPrefix: 'lỗi: ',
  warningPrefix: 'cảnh báo: ',
  unexpected: (detail) => `ket-luan: lỗi không lường trước: ${detail}`,

  usage: {
    formatNeedsOne: (formats) => `--format cần ít nhất một trong các định dạng ${formats}`,
    unknownFormat: (name, formats) => `không có định dạng "${name}" (chọn trong ${formats}, ví dụ --format docx,pdf)`,
    jobs: (value) => `--jobs phải là số nguyên từ 1 trở lên, không phải "${value}"`,
    lang: (value) => `--lang phải là en hoặc vi, không phải "${value}"`,
    month: (value) => `--month phải là tháng viết dạng YYYY-MM (ví dụ 2026-01), không phải "${value}"`,
    fontsCount: (count) => `--fonts nhận một thư mục hoặc bốn đường dẫn tệp TTF cách nhau bằng dấu phẩy (thường,đậm,nghiêng,đậm-nghiêng); đã cho ${count} đường dẫn`,
    fontsEmpty: '--fonts cần một thư mục hoặc bốn đường dẫn tệp TTF cách nhau bằng dấu phẩy',
  },

  fonts: {
    notFound: (path) => `--fonts: ${path}: không có tệp hoặc thư mục này`,
    missingFaces: (dir, faces, seen) =>
      `--fonts: thư mục ${dir} không có kiểu chữ ${faces} (đã tìm theo tên tệp của Times New Roman và Liberation Serif, ví dụ times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf; có: ${seen})`,
    faceNames: { normal: 'thường', bold: 'đậm', italics: 'nghiêng', bolditalics: 'đậm nghiêng' },
    none: 'không có tệp .ttf nào',
  },

  input: {
    noSuchFileOrFolder: 'không có tệp hoặc thư mục này',
    noSuchFile: 'không có tệp này',
    isFolder: 'là thư mục, không phải tệp',
    permissionDenied: 'không đọc được (không có quyền)',
    cannotRead: (detail) => `không đọc được: ${detail}`,
    folderUnreadable: (reason) => `thư mục ${reason}`,
    folderEmpty: 'thư mục không có tệp .json nào (kể cả thư mục con)',
    at: (line, column) => `dòng ${line}, cột ${column}`,
    invalidJson: (where, detail) => `${where}: JSON không hợp lệ: ${detail}`,
    invalidJsonNoPlace: (detail) => `JSON không hợp lệ: ${detail}`,
    invalidUtf8: (where, byte, offset) => `${where}: không phải UTF-8 hợp lệ (byte ${byte} ở vị trí byte ${offset}); hãy lưu tệp dưới dạng UTF-8`,
    duplicateKey: (where, key, first) =>
      `${where}: khóa "${key}" xuất hiện hai lần trong cùng một đối tượng (lần đầu ở ${first}); JSON chỉ giữ lần cuối, hãy xóa một lần`,
    tooDeep: 'lồng nhau quá sâu',
  },

  json: {
    empty: 'tệp trống',
    trailingComma: (close) => `thừa dấu phẩy trước '${close}' (JSON không cho phép dấu phẩy cuối)`,
    expectedPropertyName: (found) => `cần tên thuộc tính trong dấu ngoặc kép, nhưng gặp ${found}`,
    expectedValue: (what, found) =>
      `cần ${what === 'property' ? 'giá trị của thuộc tính' : what === 'element' ? 'một phần tử của mảng' : 'một giá trị'}, nhưng gặp ${found}`,
    expectedColon: (found) => `cần ':' sau tên thuộc tính, nhưng gặp ${found}`,
    expectedAfter: (inArray, found) =>
      `cần ${inArray ? "',' hoặc ']' sau một phần tử của mảng" : "',' hoặc '}' sau giá trị của thuộc tính"}, nhưng gặp ${found}`,
    afterEnd: (found) => `thừa ${found} sau khi giá trị JSON đã kết thúc`,
    unclosedString: 'chuỗi chưa được đóng trước khi hết dòng (thiếu ")',
    badEscape: 'ký tự thoát không hợp lệ trong chuỗi (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
    badUnicode: 'mã thoát \\u cần đủ bốn chữ số hệ mười sáu',
    controlCharacter: 'ký tự điều khiển trong chuỗi',
    badNumber: 'số viết sai',
    comment: 'chú thích (JSON không cho phép)',
    other: (name) => `JSON không hợp lệ (${name})`,
    endOfInput: 'cuối tệp',
  },

  write: {
    cannotWrite: (display, reason) => `không ghi được ${display}: ${reason}`,
    folderInTheWay: 'đã có một thư mục trùng tên',
    noFolder: 'thư mục không tồn tại',
    permissionDenied: 'không có quyền',
    noSpace: 'ổ đĩa đã hết chỗ',
    readOnly: 'hệ thống tệp chỉ cho đọc',
    notAllowed: 'hệ thống tệp không cho phép',
    notAFolder: (display) => `${display} là tệp, không phải thư mục`,
    cannotCreateOut: (display, reason) => `không tạo được thư mục kết quả ${display}: ${reason}`,
    symlink: (display) => `${display} là liên kết tượng trưng (symlink); ket-luan không bao giờ ghi qua liên kết (hãy xóa nó, hoặc chọn thư mục khác)`,
  },

  render: {
    clash: (display, other) => `không tạo: sẽ ghi ${display}, trùng với ${other} (đổi tên một tệp, hoặc ghi ra các thư mục khác nhau)`,
    overwritesInput: (display) => `không tạo: sẽ ghi đè tệp đầu vào ${display}`,
    rendered: (name, outputs) => `đã tạo ${name} → ${outputs}`,
    summary: (rendered, failed, seconds) => `đã tạo ${rendered}, lỗi ${failed}, trong ${seconds.replace('.', ',')} giây`,
    summaryWarned: (warned) => `, ${warned} có cảnh báo`,
    stopped: (signal) => `đã dừng (${signal}); không để lại tệp dở dang nào`,
    cannotLoad: (detail) => `không nạp được bộ tạo văn bản: ${detail}`,
    workerFailed: (detail) => `luồng tạo văn bản gặp lỗi: ${detail}`,
    workerStopped: (code) => `luồng tạo văn bản đã dừng (mã thoát ${code})`,
    placeholders: (fields) => `vẫn còn chữ mẫu của tệp khởi tạo ở ${listSome(fields, (n) => `và ${n} trường khác`)}; hãy thay trước khi gửi`,
  },

  validate: {
    ok: 'hợp lệ',
  },

  init: {
    isFolder: (name) => `${name} là thư mục; hãy cho tên tệp, ví dụ ket-luan init ${name}/ket-luan.json`,
    exists: (name) => `${name} đã có; dùng --force để ghi đè`,
    symlink: (name) => `${name} là liên kết tượng trưng (symlink); ket-luan không bao giờ ghi qua liên kết (hãy xóa nó, hoặc cho tên khác)`,
    wrote: (name, month, year, date) =>
      `đã ghi ${name}: Kết luận Hội nghị thường kỳ tháng ${month}/${year}, ngày ${dmy(date)}.\n` +
      `Thay các chỗ "(ghi …)", "…" và tên người ký, rồi chạy: ket-luan render ${name}`,
    wroteFrom: (name, from, month, year, date) =>
      `đã ghi ${name} từ ${from}: Hội nghị thường kỳ tháng ${month}/${year}, ngày ${dmy(date)}; giữ nguyên cơ quan ban hành, địa danh, chữ ký và nơi nhận.\n` +
      `Viết kết quả và nhiệm vụ của tháng vào các chỗ "(ghi …)", rồi chạy: ket-luan render ${name}`,
    fromInvalid: (from) => `${from} không phải là Kết luận hợp lệ, nên không lấy được gì từ tệp này:`,
    fromNoMonth: (from) => `${from} không có tháng họp cũng không có ngày để chuyển sang tháng sau; hãy dùng --month YYYY-MM`,
  },

  templatesInit: {
    notFolder: (dir) => `${dir} đã có và không phải thư mục`,
    notEmpty: (dir) => `${dir} không trống; dùng --force để vẫn chép mẫu vào (các tệp trùng tên bị ghi đè)`,
    copied: (profiles, dir) => `đã chép các mẫu (bộ thể thức ${profiles}) vào ${dir}\nSửa mẫu, rồi chạy: ket-luan render --templates ${dir} <tệp.json>`,
    cannotCopy: (dir, reason) => `không chép được các mẫu vào ${dir}: ${reason}; không có gì bị thay đổi`,
  },
};

const CATALOGUE: Record<Lang, Messages> = { en, vi };

export function messagesFor(lang: Lang): Messages {
  return CATALOGUE[lang];
}

/** The reason a file-system call failed, in words. */
export function fsReason(msg: Messages, error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  switch (e?.code) {
    case 'ENOENT':
      return msg.write.noFolder;
    case 'EACCES':
    case 'EPERM':
      return msg.write.permissionDenied;
    case 'ENOSPC':
    case 'EDQUOT':
      return msg.write.noSpace;
    case 'EISDIR':
      return msg.write.folderInTheWay;
    case 'EROFS':
      return msg.write.readOnly;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Commander's own error messages in the chosen language. Commander builds them in English;
 * they are recognised by their fixed wording, so an unknown one passes unchanged.
 */
export function translateCommanderError(msg: Messages, text: string): string {
  if (msg === en) return text;
  const c = msg.commander;
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^error: unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?/, (m) => c.unknownOption(m[1]!) + (m[2] ? `\n${c.didYouMean(m[2])}` : '')],
    [/^error: unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?/, (m) => c.unknownCommand(m[1]!) + (m[2] ? `\n${c.didYouMean(m[2])}` : '')],
    [/^error: missing required argument '([^']*)'/, (m) => c.missingArgument(m[1]!)],
    [/^error: option '([^']*)' argument missing/, (m) => c.optionArgumentMissing(m[1]!)],
    [/^error: too many arguments.*?\. Expected (.*) but got (\d+)\./, (m) => c.tooManyArguments(m[1]!, m[2]!)],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\.(.*)$/s, (m) => c.invalidOptionArgument(m[1]!, m[2]!) + m[3]!],
  ];
  for (const [pattern, render] of rules) {
    const match = text.match(pattern);
    if (match) return `${msg.errorPrefix}${render(match)}${text.slice(match[0].length)}`;
  }
  return text.replace(/^error: /, msg.errorPrefix);
}
