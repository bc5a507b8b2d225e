/**
 * What a template maintainer is told: Handlebars mistakes in plain words, unknown helpers with the
 * known ones, profile.json mistakes by line and column or by key, and warnings for files in a
 * templates folder that are not used. English and Vietnamese.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeConclusion, defaultTemplatesDir, formatWarning, loadTemplates, renderConclusion, TemplateError, type ConclusionWarning } from '../../src/index.js';
import { compileTemplate } from '../../src/templates/engine.js';
import { ketLuan, ROOT } from '../helpers/cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-messages-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function templateError(f: () => unknown): TemplateError {
  try {
    f();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

const compileError = (source: string) => templateError(() => compileTemplate(source, 't.hbs'));

describe('Handlebars mistakes, in plain words', () => {
  it.each<[string, string, string, string]>([
    ['a block never closed', 'a\nb\n{{#if meeting}}\ntháng {{meeting.month}}\n', 't.hbs: {{#if}} opened at line 3 is never closed: add {{/if}}', 't.hbs: {{#if}} mở ở dòng 3 không được đóng: thêm {{/if}}'],
    ['the inner block never closed', '{{#if a}}\n{{#each b}}x\n{{/if}}', 't.hbs: line 3: {{/if}} closes {{#each}} opened at line 2; write {{/each}}', 't.hbs: dòng 3: {{/if}} đóng khối {{#each}} mở ở dòng 2; hãy viết {{/each}}'],
    ['a block closed by the wrong name', '{{#if a}}x{{/each}}', 't.hbs: line 1: {{/each}} closes {{#if}} opened at line 1; write {{/if}}', 't.hbs: dòng 1: {{/each}} đóng khối {{#if}} mở ở dòng 1; hãy viết {{/if}}'],
    ['a close with no block', 'x\n{{/if}}', 't.hbs: line 2: {{/if}} closes no block (no {{#if}} is open there)', 't.hbs: dòng 2: {{/if}} không đóng khối nào (không có {{#if}} đang mở)'],
    ['a tag never closed', 'Số\n{{number.sequence', 't.hbs: line 2, column 1: {{ is never closed with }}', 't.hbs: dòng 2, cột 1: {{ không có }} đóng lại'],
    ['a second else', '{{#if a}}x{{else}}y{{else}}z{{/if}}', 't.hbs: line 1, column 20: {{else}} outside a block, or a second {{else}} in one', 't.hbs: dòng 1, cột 20: {{else}} nằm ngoài khối, hoặc một khối có hai {{else}}'],
    ['an else outside a block', 'a\n{{else}}', 't.hbs: line 2, column 1: {{else}} outside a block, or a second {{else}} in one', 't.hbs: dòng 2, cột 1: {{else}} nằm ngoài khối, hoặc một khối có hai {{else}}'],
    ['a triple-brace tag closed with two', 'a {{{unit}}', 't.hbs: line 1: a tag opened with {{{ closes with }}}', 't.hbs: dòng 1: thẻ mở bằng {{{ phải đóng bằng }}}'],
  ])('%s', (_, source, en, vi) => {
    const error = compileError(source);
    expect(error.message).toBe(en);
    expect(error.messageVi).toBe(vi);
    expect(error.message).not.toMatch(/Expecting|OPEN_|EOF/);
  });

  it('a comment holding braces is not taken for a tag', () => {
    expect(compileError('{{!-- {{#if}} --}}\n{{#each a}}').message).toBe('t.hbs: {{#each}} opened at line 2 is never closed: add {{/each}}');
  });

  it('any other syntax error keeps the line and column, and says it in words', () => {
    const error = compileError('a\nSố {{number.sequence}-{{number.typeCode}}');
    expect(error.message).toMatch(/^t\.hbs: line 2: a \{\{…\}\} tag is not written as Handlebars reads it\n.*number\.sequence\}-/);
    expect(error.messageVi).toMatch(/^t\.hbs: dòng 2: thẻ \{\{…\}\} viết sai cú pháp Handlebars\n/);
  });

  it('an unknown helper lists the known ones, and the one it most likely means', () => {
    const near = compileError('a\n{{uper unit}}');
    expect(near.message).toBe('t.hbs: line 2, column 1: there is no helper uper; did you mean upper? (the helpers are upper, lower, pad2; the blocks if, unless, each, with)');
    expect(near.messageVi).toBe('t.hbs: dòng 2, cột 1: không có hàm uper; có phải là upper? (các hàm có sẵn: upper, lower, pad2; các khối if, unless, each, with)');
    expect(compileError('{{capitalize unit}}').message).toBe('t.hbs: line 1, column 1: there is no helper capitalize (the helpers are upper, lower, pad2; the blocks if, unless, each, with)');
  });

  it('a helper called wrongly says how to call it, in both languages', () => {
    const error = compileError('{{upper}}');
    expect(error.message).toBe('t.hbs: line 1, column 1: {{upper}} takes exactly one value, as in {{upper unit}}');
    expect(error.messageVi).toBe('t.hbs: dòng 1, cột 1: {{upper}} cần đúng một giá trị, ví dụ {{upper unit}}');
  });

  it('a missing variable, when rendering, names it in both languages', () => {
    const error = templateError(() => compileTemplate('a\n{{unit}}', 't.hbs')({}));
    // the column of the name, after "{{"
    expect(error.message).toBe('t.hbs: line 2, column 3: "unit" is not defined');
    expect(error.messageVi).toBe('t.hbs: dòng 2, cột 3: "unit" không có giá trị');
    expect(error.missingVariable).toBe('unit');
  });
});

describe('profile.json mistakes', () => {
  const profileError = (text: string) => {
    const dir = folder({ 'ket-luan-hd36/profile.json': text });
    return { error: templateError(() => loadTemplates({ templates: dir })), file: join(dir, 'ket-luan-hd36', 'profile.json') };
  };

  it.each<[string, string, string, string]>([
    ['a missing comma', '{\n  "body": {\n    "paragraph": { "sizePt": 13 }\n  }\n  "page": { "widthMm": 210 }\n}\n', 'line 5, column 3: a comma (,) is missing between two values', 'dòng 5, cột 3: thiếu dấu phẩy (,) giữa hai giá trị'],
    ['a comma before }', '{\n  "typeCode": "KL",\n}\n', 'line 3, column 1: a key in double quotes was expected here (no comma may come before a })', 'dòng 3, cột 1: cần tên khóa trong dấu ngoặc kép ở đây (không được có dấu phẩy ngay trước })'],
    ['single quotes', "{\n  'typeCode': 'KL'\n}", 'line 2, column 3: a character JSON does not allow here (text takes double quotes)', 'dòng 2, cột 3: ký tự JSON không cho phép ở đây (chuỗi phải nằm trong dấu ngoặc kép)'],
    ['a comment', '{\n  // cỡ chữ\n  "typeCode": "KL"\n}', 'line 2, column 3: comments are not allowed', 'dòng 2, cột 3: không được viết chú thích'],
  ])('%s: its line and column', (_, text, en, vi) => {
    const { error, file } = profileError(text);
    expect(error.file).toBe(file);
    expect(error.message).toBe(`${file}: is not valid JSON: ${en}`);
    expect(error.messageVi).toBe(`${file}: không phải JSON hợp lệ: ${vi}`);
  });

  it('an unknown key names the key it most likely means; every problem is listed', () => {
    const { error, file } = profileError(JSON.stringify({ body: { paragraph: { sizePT: 13 } }, page: { margin: { leftMm: -5 } } }));
    expect(error.message).toContain(`${file}: `);
    expect(error.message).toContain('body.paragraph.sizePT: unknown field; did you mean sizePt?');
    expect(error.message).toContain('page.margin.leftMm: ');
    expect(error.messageVi).toContain('body.paragraph.sizePT: trường không xác định; có phải là sizePt?');
  });

  it('an unknown profile name suggests the nearest', () => {
    const error = templateError(() => loadTemplates({ profile: 'ket-luan-hd63' }));
    expect(error.message).toBe('ket-luan-hd63: no such profile; did you mean ket-luan-hd36? (known: ket-luan-hd36, thong-bao-hd36)');
    expect(error.messageVi).toBe('ket-luan-hd63: không có hồ sơ này; có phải là ket-luan-hd36? (các hồ sơ có: ket-luan-hd36, thong-bao-hd36)');
  });
});

describe('warnings for what a templates folder holds but nothing uses', () => {
  const TITLE = 'KẾT LUẬN RIÊNG\n';
  const warningsOf = (files: Record<string, string>) => {
    const dir = folder(files);
    return { dir, warnings: loadTemplates({ templates: dir }).warnings };
  };

  it('a misspelt template file: named, with the name it most likely means and every known name', () => {
    const { dir, warnings } = warningsOf({ 'ket-luan-hd36/titel.hbs': TITLE });
    expect(warnings).toHaveLength(1);
    const [warning] = warnings as [ConclusionWarning];
    expect(warning.code).toBe('template-file-unknown');
    expect(warning.field).toBe(join(dir, 'ket-luan-hd36', 'titel.hbs'));
    expect(formatWarning(warning)).toMatch(/titel\.hbs: is not used: no template has this name; did you mean title\.hbs\? \(the files: profile\.json, title\.hbs, summary\.hbs, .*draft\.hbs\)$/);
    expect(formatWarning(warning, 'vi')).toMatch(/titel\.hbs: không được dùng: không có mẫu nào tên này; có phải là title\.hbs\?/);
  });

  it('a template file outside any profile folder', () => {
    const { dir, warnings } = warningsOf({ 'title.hbs': TITLE });
    expect(warnings.map((w) => formatWarning(w))).toEqual([
      `${join(dir, 'title.hbs')}: is not used: files go in a profile's folder, e.g. ${join(dir, 'ket-luan-hd36', 'title.hbs')} (profiles: ket-luan-hd36, thong-bao-hd36)`,
    ]);
  });

  it('a folder that is no profile, and a folder inside a profile folder', () => {
    const { dir, warnings } = warningsOf({ 'ket-luan-hd63/title.hbs': TITLE, 'ket-luan-hd36/ket-luan-hd36/title.hbs': TITLE });
    expect(warnings.map((w) => w.field)).toEqual([join(dir, 'ket-luan-hd36', 'ket-luan-hd36'), join(dir, 'ket-luan-hd63')]);
    expect(warnings[1]!.message).toContain('no profile is named ket-luan-hd63; did you mean ket-luan-hd36?');
    expect(warnings[1]!.messageVi).toContain('không có hồ sơ tên ket-luan-hd63; có phải là ket-luan-hd36?');
  });

  it('nothing for a complete copy of the templates, notes, or a new profile with its profile.json', () => {
    expect(loadTemplates({ templates: defaultTemplatesDir() }).warnings).toEqual([]);
    const { warnings } = warningsOf({
      'README.md': '# notes',
      'ket-luan-hd36/notes.txt': 'changed the title',
      'nghi-quyet/profile.json': JSON.stringify({ extends: 'ket-luan-hd36', name: 'nghi-quyet', description: 'Nghị quyết', typeCode: 'NQ' }),
      'nghi-quyet/title.hbs': 'NGHỊ QUYẾT\n',
    });
    expect(warnings).toEqual([]);
  });

  it('a file added after a first load is warned about on the next', () => {
    const dir = folder({ 'ket-luan-hd36/title.hbs': TITLE });
    expect(loadTemplates({ templates: dir }).warnings).toEqual([]);
    writeFileSync(join(dir, 'ket-luan-hd36', 'closng.hbs'), 'x');
    expect(loadTemplates({ templates: dir }).warnings.map((w) => w.field)).toEqual([join(dir, 'ket-luan-hd36', 'closng.hbs')]);
  });

  it('composeConclusion lists them with its warnings and renderConclusion calls onWarning, and both render all the same', async () => {
    const dir = folder({ 'ket-luan-hd36/titel.hbs': TITLE });
    const input = JSON.parse(readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json'), 'utf8'));
    const titel = join(dir, 'ket-luan-hd36', 'titel.hbs');
    const { model, warnings } = composeConclusion(input, { templates: dir });
    expect(model).toBeDefined();
    expect(warnings.filter((w) => w.code.startsWith('template-')).map((w) => w.field)).toEqual([titel]);
    const seen: ConclusionWarning[] = [];
    const docx = await renderConclusion(input, { format: 'docx', templates: dir, onWarning: (w) => seen.push(w) });
    expect(docx.byteLength).toBeGreaterThan(0);
    expect(seen.filter((w) => w.code.startsWith('template-')).map((w) => w.field)).toEqual([titel]);
  });

  it('the command prints them, in English and in Vietnamese, and renders', async () => {
    const cwd = folder({ 'my-templates/ket-luan-hd36/titel.hbs': TITLE });
    writeFileSync(join(cwd, 'x.json'), readFileSync(join(ROOT, 'examples', 'cho-chu-2024-11.json')));
    const en = await ketLuan(['validate', '--templates', 'my-templates', 'x.json'], cwd);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stderr).toContain(`warning: ${join('my-templates', 'ket-luan-hd36', 'titel.hbs')}: is not used: no template has this name; did you mean title.hbs?`);
    const vi = await ketLuan(['render', '--lang', 'vi', '--templates', 'my-templates', 'x.json', '-f', 'docx'], cwd);
    expect(vi.code, vi.stderr).toBe(0);
    expect(vi.stderr).toContain(`cảnh báo: ${join('my-templates', 'ket-luan-hd36', 'titel.hbs')}: không được dùng: không có mẫu nào tên này; có phải là title.hbs?`);
  });
});
