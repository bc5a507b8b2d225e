/**
 * Unit tests of src/templates/: loading profiles and their Handlebars phrase templates,
 * overriding them from a folder, and the errors that name the file, line or key.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/templates/engine.js';
import { TemplateError } from '../../src/templates/errors.js';
import { TEMPLATE_FILES, type TemplateName } from '../../src/templates/files.js';
import { defaultTemplatesDir } from '../../src/node/package-paths.js';
import { loadTemplates } from '../../src/node/template-folders.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh override folder holding the given files (path relative to the folder → text). */
function overrideFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ket-luan-unit-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** The error a call throws (fails the test if it does not throw). */
function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but none was thrown');
}

const names = Object.keys(TEMPLATE_FILES) as TemplateName[];
const defaults = defaultTemplatesDir();

describe('loadTemplates: the defaults', () => {
  it('loads the default profile "ket-luan-hd36" with every template', () => {
    const set = loadTemplates();
    expect(set.profile.name).toBe('ket-luan-hd36');
    expect(set.profile.typeCode).toBe('KL');
    for (const name of names) {
      expect(typeof set.templates[name], name).toBe('function');
      expect(set.sources[name], name).toEqual([join(defaults, 'ket-luan-hd36', TEMPLATE_FILES[name])]);
    }
    expect(set.templates.title({}).trim()).toBe('KẾT LUẬN');
    expect(set.templates.party({}).trim()).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('carries the layout values of the spec (HD 36)', () => {
    const { profile } = loadTemplates();
    expect(profile.page).toMatchObject({ widthMm: 210, heightMm: 297 });
    expect(profile.page.margin).toEqual({ topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 });
    expect(profile.text.sizePt).toBe(14);
    expect(profile.header.party).toMatchObject({ sizePt: 15, bold: true, uppercase: true });
    expect(profile.header.issuer).toMatchObject({ bold: true, uppercase: true });
    expect(profile.header.placeDate).toMatchObject({ italic: true });
    expect(profile.title.type).toMatchObject({ bold: true, uppercase: true });
    expect(profile.title.type.sizePt).toBeGreaterThanOrEqual(15);
    expect(profile.title.type.sizePt).toBeLessThanOrEqual(16);
    expect(profile.body.sectionNumbering).toMatchObject({ style: 'roman', suffix: '. ' });
    expect(profile.body.pointNumbering).toMatchObject({ style: 'arabic', suffix: '. ' });
    expect(profile.body.subpointNumbering).toMatchObject({ style: 'letter', suffix: ') ' });
    expect(profile.body.bullet.marker).toBe('- ');
    expect(profile.footer.recipientsLabel).toMatchObject({ underline: true });
    expect(profile.footer.recipientsLabel.bold ?? false).toBe(false);
    expect(profile.footer.recipientsLabel.italic ?? false).toBe(false);
    expect(profile.footer.recipient).toMatchObject({ sizePt: 12, marker: '- ', separator: ';', terminator: '.' });
    expect(profile.footer.signer).toMatchObject({ bold: true });
    expect(profile.defaults.signature).toEqual({ authority: 'T/M', collective: 'BAN THƯỜNG VỤ', position: 'BÍ THƯ' });
    expect(profile.pageNumbers).toMatchObject({ enabled: true, onFirstPage: false, sizePt: 14 });
  });

  it('loads the same set twice (cached)', () => {
    expect(loadTemplates()).toBe(loadTemplates());
  });

  it('reads again a template edited in an override folder that holds no profile.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ket-luan-override-'));
    mkdirSync(join(dir, 'ket-luan-hd36'));
    const file = join(dir, 'ket-luan-hd36', 'signature-position.hbs');
    writeFileSync(file, 'BÍ THƯ');
    const before = loadTemplates({ templates: dir });
    writeFileSync(file, 'PHÓ BÍ THƯ');
    const after = loadTemplates({ templates: dir });
    rmSync(dir, { recursive: true, force: true });
    expect(before.templates.signaturePosition({}).trim()).toBe('BÍ THƯ');
    expect(after.templates.signaturePosition({}).trim()).toBe('PHÓ BÍ THƯ');
  });
});

describe('loadTemplates: the profile "thong-bao-hd36"', () => {
  it('has type code TB and the title "THÔNG BÁO"', () => {
    const set = loadTemplates({ profile: 'thong-bao-hd36' });
    expect(set.profile.name).toBe('thong-bao-hd36');
    expect(set.profile.typeCode).toBe('TB');
    expect(set.templates.title({}).trim()).toBe('THÔNG BÁO');
    expect(set.sources.title).toEqual([join(defaults, 'thong-bao-hd36', 'title.hbs')]);
  });

  it('inherits the other files and the layout from ket-luan-hd36', () => {
    const base = loadTemplates();
    const set = loadTemplates({ profile: 'thong-bao-hd36' });
    const own = new Set(['title', 'summary', 'closing']);
    for (const name of names) {
      const folder = own.has(name) ? 'thong-bao-hd36' : 'ket-luan-hd36';
      expect(set.sources[name], name).toEqual([join(defaults, folder, TEMPLATE_FILES[name])]);
    }
    expect(set.sources.profile).toEqual([join(defaults, 'ket-luan-hd36', 'profile.json'), join(defaults, 'thong-bao-hd36', 'profile.json')]);
    expect(set.profile.page).toEqual(base.profile.page);
    expect(set.profile.body).toEqual(base.profile.body);
    expect(set.profile.footer).toEqual(base.profile.footer);
  });

  it('an unknown profile lists the known ones', () => {
    const error = thrown(() => loadTemplates({ profile: 'nghi-quyet' }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain('nghi-quyet');
    expect(error.message).toContain('ket-luan-hd36');
    expect(error.message).toContain('thong-bao-hd36');
  });

  it('a profile name that is a path is refused', () => {
    expect(() => loadTemplates({ profile: '../ket-luan-hd36' })).toThrow(TemplateError);
  });

  it('a templates folder that does not exist is an error naming it', () => {
    const missing = join(tmpdir(), 'ket-luan-unit-no-such-folder-4f1c');
    expect(() => loadTemplates({ templates: missing })).toThrow(/ket-luan-unit-no-such-folder-4f1c/);
  });
});

describe('loadTemplates: an override folder', () => {
  it('a lone ket-luan-hd36/closing.hbs shadows that file and no other', () => {
    const dir = overrideFolder({ 'ket-luan-hd36/closing.hbs': 'Kết luận riêng của {{issuer.name}}./.\n' });
    const set = loadTemplates({ templates: dir });
    expect(set.sources.closing).toEqual([join(dir, 'ket-luan-hd36', 'closing.hbs')]);
    expect(set.templates.closing({ issuer: { name: 'Đảng ủy xã' } }).trim()).toBe('Kết luận riêng của Đảng ủy xã./.');
    for (const name of names.filter((n) => n !== 'closing')) {
      expect(set.sources[name], name).toEqual([join(defaults, 'ket-luan-hd36', TEMPLATE_FILES[name])]);
    }
    expect(set.profile).toEqual(loadTemplates().profile);
    expect(set.sources.profile).toEqual([join(defaults, 'ket-luan-hd36', 'profile.json')]);
  });

  it('a partial ket-luan-hd36/profile.json is merged over the defaults', () => {
    const dir = overrideFolder({ 'ket-luan-hd36/profile.json': JSON.stringify({ body: { paragraph: { sizePt: 13 } } }) });
    const base = loadTemplates().profile;
    const { profile, sources } = loadTemplates({ templates: dir });
    expect(profile.body.paragraph.sizePt).toBe(13);
    // The rest of the same object and of the profile is the default.
    expect(profile.body.paragraph).toEqual({ ...base.body.paragraph, sizePt: 13 });
    expect(profile.body.sectionHeading).toEqual(base.body.sectionHeading);
    expect(profile.page).toEqual(base.page);
    expect(profile.typeCode).toBe('KL');
    expect(profile.name).toBe('ket-luan-hd36');
    expect(sources.profile).toEqual([join(defaults, 'ket-luan-hd36', 'profile.json'), join(dir, 'ket-luan-hd36', 'profile.json')]);
  });

  it('a template with a syntax error names the file and the line', () => {
    const dir = overrideFolder({ 'ket-luan-hd36/number.hbs': 'Số\n{{number.sequence}-{{number.typeCode}}\n' });
    const error = thrown(() => loadTemplates({ templates: dir }));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe(join(dir, 'ket-luan-hd36', 'number.hbs'));
    expect(error.message).toContain(join(dir, 'ket-luan-hd36', 'number.hbs'));
    expect(error.message).toMatch(/line 2\b/);
  });

  it('an unknown helper names the file and the line', () => {
    const dir = overrideFolder({ 'ket-luan-hd36/title.hbs': 'KẾT\n\n{{capitalize "luận"}}\n' });
    const error = thrown(() => loadTemplates({ templates: dir }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain(join(dir, 'ket-luan-hd36', 'title.hbs'));
    expect(error.message).toMatch(/line 3\b/);
    expect(error.message).toContain('capitalize');
  });

  it.each([
    ['a size that is not a number', { body: { paragraph: { sizePt: 'big' } } }, 'body.paragraph.sizePt'],
    ['a negative margin', { page: { margin: { leftMm: -5 } } }, 'page.margin.leftMm'],
    ['an unknown key', { body: { paragraph: { sizePT: 13 } } }, 'sizePT'],
    ['a bad type code', { typeCode: 'kl' }, 'typeCode'],
  ])('%s names the profile file and the key path', (_what, json, key) => {
    const dir = overrideFolder({ 'ket-luan-hd36/profile.json': JSON.stringify(json) });
    const error = thrown(() => loadTemplates({ templates: dir }));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe(join(dir, 'ket-luan-hd36', 'profile.json'));
    expect(error.message).toContain(join(dir, 'ket-luan-hd36', 'profile.json'));
    expect(error.message).toContain(key);
  });

  it('a profile file that is not JSON names the file', () => {
    const dir = overrideFolder({ 'ket-luan-hd36/profile.json': '{ "body": ' });
    const error = thrown(() => loadTemplates({ templates: dir }));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain(join(dir, 'ket-luan-hd36', 'profile.json'));
  });

  it('a new profile in the override folder can extend a default one', () => {
    const dir = overrideFolder({
      'nghi-quyet/profile.json': JSON.stringify({ extends: 'ket-luan-hd36', name: 'nghi-quyet', description: 'Nghị quyết', typeCode: 'NQ' }),
      'nghi-quyet/title.hbs': 'NGHỊ QUYẾT\n',
    });
    const set = loadTemplates({ templates: dir, profile: 'nghi-quyet' });
    expect(set.profile.typeCode).toBe('NQ');
    expect(set.templates.title({}).trim()).toBe('NGHỊ QUYẾT');
    expect(set.sources.number).toEqual([join(defaults, 'ket-luan-hd36', 'number.hbs')]);
    // …and the unknown-profile message now lists it too.
    expect(() => loadTemplates({ templates: dir, profile: 'khong-co' })).toThrow(/nghi-quyet/);
  });
});

describe('compileTemplate', () => {
  it('renders variables', () => {
    expect(compileTemplate('tháng {{meeting.month}}/{{meeting.year}}', 'h.hbs')({ meeting: { month: 1, year: 2025 } })).toBe('tháng 1/2025');
  });

  it('a syntax error names the file and the line', () => {
    const error = thrown(() => compileTemplate('dòng 1\ndòng 2\ndòng 3 {{#if meeting}}\n', 'heading.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe('heading.hbs');
    expect(error.message).toMatch(/^heading\.hbs: /);
    expect(error.message).toMatch(/line \d+/);
    const unclosed = thrown(() => compileTemplate('a\nSố {{number.sequence}\n', 'number.hbs'));
    expect(unclosed.message).toMatch(/^number\.hbs: line 2\b/);
  });

  it('an unknown helper fails when compiled, naming the file and the line', () => {
    const error = thrown(() => compileTemplate('a\nb {{nosuch meeting}}', 'x.hbs'));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toContain('x.hbs');
    expect(error.message).toMatch(/line 2\b/);
    expect(error.message).toContain('nosuch');
  });

  it('the library helpers are known', () => {
    expect(compileTemplate('{{upper unit}}', 'u.hbs')({ unit: 'thị trấn Chợ Chu' })).toBe('THỊ TRẤN CHỢ CHU');
    expect(compileTemplate('{{lower name}}', 'l.hbs')({ name: 'ĐẢNG ỦY' })).toBe('đảng ủy');
    expect(compileTemplate('{{pad2 n}}', 'p.hbs')({ n: 5 })).toBe('05');
  });

  it('a helper given other than one value fails when compiled, naming the file, the line and the helper', () => {
    const cases: [string, RegExp][] = [
      ['a\nb {{upper}}', /^x\.hbs: line 2, column 3: \{\{upper\}\} takes exactly one value, as in \{\{upper unit\}\}$/],
      ['{{lower issuer.name issuer.unit}}', /^x\.hbs: line 1, column 1: \{\{lower\}\} takes exactly one value/],
      ['{{pad2 meeting.month width=3}}', /^x\.hbs: line 1, column 1: \{\{pad2\}\} takes exactly one value/],
      ['{{#upper unit}}x{{/upper}}', /^x\.hbs: line 1, column 1: \{\{upper\}\} is not a block/],
      ['{{#if unit}}{{upper (lower)}}{{/if}}', /^x\.hbs: line 1, column 21: \{\{lower\}\} takes exactly one value/],
    ];
    for (const [source, message] of cases) {
      const error = thrown(() => compileTemplate(source, 'x.hbs'));
      expect(error, source).toBeInstanceOf(TemplateError);
      expect(error.message, source).toMatch(message);
    }
    expect(thrown(() => compileTemplate('{{"upper"}}', 'x.hbs')).message).toMatch(/^x\.hbs: line 1, column 1: \{\{upper\}\} takes exactly one value/);
    expect(compileTemplate('{{upper (lower unit)}}', 'x.hbs')({ unit: 'Chợ Chu' })).toBe('CHỢ CHU');
    // a block's own names are values inside it, as Handlebars reads them
    expect(compileTemplate('{{#each items as |upper|}}{{upper}}{{/each}}', 'x.hbs')({ items: ['a', 'b'] })).toBe('ab');
  });

  it('a missing variable fails at render, naming the template file and the variable', () => {
    const render = compileTemplate('Nhiệm vụ\n tháng {{meeting.nosuch}}', 'heading-tasks.hbs');
    const error = thrown(() => render({ meeting: { month: 1, year: 2025 } }));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe('heading-tasks.hbs');
    expect(error.message).toContain('heading-tasks.hbs');
    expect(error.message).toContain('nosuch');
    expect(error.message).toMatch(/line 2\b/);
  });

  it('a missing top-level variable names it', () => {
    const error = thrown(() => compileTemplate('Đảng bộ {{unit}}', 'closing.hbs')({}));
    expect(error.message).toContain('closing.hbs');
    expect(error.message).toContain('"unit"');
  });

  it('does not escape &, = and <', () => {
    const render = compileTemplate('{{a}} {{b}} {{c}} & = <', 't.hbs');
    expect(render({ a: 'HĐND & UBND', b: 'x = y', c: '<b>' })).toBe('HĐND & UBND x = y <b> & = <');
    const set = loadTemplates();
    const out = set.templates.placeDate({ place: 'A & B <C>', date: { inWords: 'ngày 01 tháng 01 năm 2025' } });
    expect(out.trim()).toBe('A & B <C>, ngày 01 tháng 01 năm 2025');
  });

  it('never compiles user data that contains {{', () => {
    const render = compileTemplate('{{place}}, {{date.inWords}}', 'place-date.hbs');
    const context = { place: '{{date.inWords}} {{#each x}}{{/each}} {{nosuch}}', date: { inWords: 'NGÀY' } };
    expect(render(context)).toBe('{{date.inWords}} {{#each x}}{{/each}} {{nosuch}}, NGÀY');
  });

  it('does not reach prototype properties of the context', () => {
    const render = compileTemplate('[{{meeting.constructor}}]', 'p.hbs');
    const out = (() => {
      try {
        return render({ meeting: { month: 1 } });
      } catch (error) {
        return error instanceof TemplateError ? '[]' : 'other error';
      }
    })();
    expect(out).toBe('[]');
  });
});
